package org.plenary.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.paper.PaperResource;
import org.plenary.platform.security.Authorize;
import org.plenary.render.RenderResource;

/**
 * Every API endpoint declares what it requires, so that switching authentication on in one place
 * covers all of them; and every endpoint is in the OpenAPI document.
 */
@QuarkusTest
class EndpointDeclarationsTest {

  /** Every resource class of Plenary, found among the beans (so a new one cannot be missed). */
  static List<Class<?>> resources() {
    List<Class<?>> found =
        io.quarkus.arc.Arc.container()
            .beanManager()
            .getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)
            .stream()
            .<Class<?>>map(jakarta.enterprise.inject.spi.Bean::getBeanClass)
            .filter(c -> c.getName().startsWith("org.plenary."))
            .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class))
            .distinct()
            .toList();
    assertTrue(found.contains(PaperResource.class), "resources found: " + found);
    assertTrue(found.contains(RenderResource.SectionHtml.class), "resources found: " + found);
    return found;
  }

  @Test
  void every_endpoint_declares_its_authorization() {
    List<String> missing = new ArrayList<>();
    int endpoints = 0;
    for (Class<?> resource : resources()) {
      for (Method m : resource.getDeclaredMethods()) {
        if (isEndpoint(m)) {
          endpoints++;
          if (m.getAnnotation(Authorize.class) == null) {
            missing.add(resource.getSimpleName() + "." + m.getName());
          }
        }
      }
    }
    assertTrue(endpoints >= 20, "found " + endpoints + " endpoints");
    assertTrue(missing.isEmpty(), () -> "no @Authorize on " + missing);
  }

  @Test
  void the_openapi_document_lists_as_many_operations_as_there_are_endpoints() throws Exception {
    JsonNode doc =
        new ObjectMapper()
            .readTree(RestAssured.given().accept("application/json").get("/q/openapi").asString());
    int operations = 0;
    for (JsonNode path : doc.get("paths")) {
      operations += path.size();
    }
    int endpoints = 0;
    for (Class<?> resource : resources()) {
      for (Method m : resource.getDeclaredMethods()) {
        if (isEndpoint(m)) {
          endpoints++;
        }
      }
    }
    assertTrue(operations >= endpoints, operations + " operations for " + endpoints + " endpoints");
  }

  static boolean isEndpoint(Method m) {
    for (var a : m.getAnnotations()) {
      if (a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class) != null) {
        return true;
      }
    }
    return false;
  }
}
