package org.plenary.platform.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Says in the OpenAPI document what Jackson does with the application's records, so the web app's
 * generated types are exact: Jackson writes every record component, null ones included, so in a
 * schema that an answer uses every component is {@code required}; a component can be null unless
 * its type is primitive, it is annotated {@code @NonNull}, or validation already made it required
 * ({@code @NotNull}, {@code @NotBlank}…), and then its schema admits {@code null}. A schema only
 * sent in requests keeps the required list validation gives it (a client may leave other fields
 * out), and its nullable components are marked the same way.
 *
 * <p>A schema is matched to the record of the same simple name whose components are exactly the
 * schema's properties; a schema without such a record (or with two) is left as SmallRye wrote it.
 */
public class RecordSchemas implements OASFilter {

  private static final String REF_PREFIX = "#/components/schemas/";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Set<String> answered = reachable(schemas, roots(openAPI));
    Map<String, List<Class<?>>> records = records();
    schemas.forEach(
        (name, schema) -> {
          Class<?> record = matching(records.getOrDefault(name, List.of()), schema);
          if (record != null) {
            describe(schema, record, answered.contains(name));
          }
        });
  }

  /** Marks the record's components required (in answers) and the ones that can be null. */
  static void describe(Schema schema, Class<?> record, boolean answered) {
    // SmallRye already requires what validation refuses to see missing (@NotNull, @NotBlank…).
    Set<String> validated =
        schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
    for (RecordComponent component : record.getRecordComponents()) {
      String name = component.getName();
      if (answered && !validated.contains(name)) {
        schema.addRequired(name);
      }
      if (!validated.contains(name) && nullable(component)) {
        schema.addProperty(name, orNull(schema.getProperties().get(name)));
      }
    }
  }

  /** Whether Jackson can write null for this component. */
  static boolean nullable(RecordComponent component) {
    if (component.getType().isPrimitive()) {
      return false;
    }
    if (component.getType() == Optional.class) {
      return true;
    }
    return Stream.concat(
            Arrays.stream(component.getAnnotations()),
            Arrays.stream(component.getAnnotatedType().getAnnotations()))
        .map(a -> a.annotationType().getSimpleName())
        .noneMatch(n -> n.equals("NotNull") || n.equals("NonNull"));
  }

  /** The property's schema, admitting null as well. */
  static Schema orNull(Schema property) {
    if (property.getRef() != null) {
      return OASFactory.createSchema()
          .description(property.getDescription())
          .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
          .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
    }
    if (property.getType() != null
        && !property.getType().isEmpty()
        && !property.getType().contains(SchemaType.NULL)) {
      property.addType(SchemaType.NULL);
    }
    return property;
  }

  static Class<?> matching(List<Class<?>> candidates, Schema schema) {
    if (schema.getProperties() == null) {
      return null;
    }
    List<Class<?>> fits =
        candidates.stream()
            .filter(
                c ->
                    Arrays.stream(c.getRecordComponents())
                        .map(RecordComponent::getName)
                        .collect(java.util.stream.Collectors.toSet())
                        .equals(schema.getProperties().keySet()))
            .toList();
    return fits.size() == 1 ? fits.get(0) : null;
  }

  /** The schemas the operations' answers name. */
  static Set<String> roots(OpenAPI openAPI) {
    Set<String> found = new HashSet<>();
    if (openAPI.getPaths() == null) {
      return found;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                item.getOperations().values().stream()
                    .map(Operation.class::cast)
                    .forEach(
                        op -> {
                          if (op.getResponses() != null) {
                            op.getResponses()
                                .getAPIResponses()
                                .values()
                                .forEach(r -> refsIn(r.getContent(), found));
                          }
                        }));
    return found;
  }

  static void refsIn(Content content, Set<String> found) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    content.getMediaTypes().values().forEach(m -> refs(m.getSchema(), found));
  }

  /** The component names a schema refers to, directly or inside it. */
  static void refs(Schema schema, Set<String> found) {
    if (schema == null) {
      return;
    }
    if (schema.getRef() != null && schema.getRef().startsWith(REF_PREFIX)) {
      found.add(schema.getRef().substring(REF_PREFIX.length()));
    }
    refs(schema.getItems(), found);
    refs(schema.getAdditionalPropertiesSchema(), found);
    for (List<Schema> list :
        Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (list != null) {
        list.forEach(s -> refs(s, found));
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(s -> refs(s, found));
    }
  }

  static Set<String> reachable(Map<String, Schema> schemas, Set<String> roots) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (seen.add(name)) {
        Set<String> next = new HashSet<>();
        refs(schemas.get(name), next);
        todo.addAll(next);
      }
    }
    return seen;
  }

  /** The application's records by simple name, read from where this class was loaded. */
  static Map<String, List<Class<?>>> records() {
    ClassLoader loader = RecordSchemas.class.getClassLoader();
    Map<String, List<Class<?>>> found = new HashMap<>();
    for (String className : classNames()) {
      try {
        Class<?> type = Class.forName(className, false, loader);
        if (type.isRecord()) {
          found.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>()).add(type);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // Not loadable here (e.g. a class for another launch mode): not part of the API.
      }
    }
    return found;
  }

  private static List<String> classNames() {
    try {
      Path root =
          Path.of(RecordSchemas.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> names = new ArrayList<>();
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root.resolve("org/plenary"))) {
          files
              .map(root::relativize)
              .map(Path::toString)
              .forEach(n -> add(n.replace('\\', '/'), names));
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          jar.stream().forEach(e -> add(e.getName(), names));
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void add(String entry, List<String> names) {
    if (entry.startsWith("org/plenary/") && entry.endsWith(".class")) {
      names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }
  }
}
