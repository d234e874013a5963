package org.plenary.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.plenary.platform.error.NotFound;

/**
 * Asks {@link PermissionService} before an endpoint runs, with the paper and section named by its
 * path parameters. It runs on the worker thread, so the permission service may read roles from the
 * database.
 */
@Authorize(Action.PUBLIC)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuthorizeInterceptor {

  @Inject CurrentActor currentActor;
  @Inject PermissionService permissions;

  @AroundInvoke
  Object authorize(InvocationContext invocation) throws Exception {
    Method method = invocation.getMethod();
    Authorize declared = method.getAnnotation(Authorize.class);
    if (declared == null) {
      declared = method.getDeclaringClass().getAnnotation(Authorize.class);
    }
    Action action = declared.value();
    if (action != Action.PUBLIC) {
      Long paperId = pathParameter(invocation, "paperId");
      Long sectionId = pathParameter(invocation, "sectionId");
      permissions.require(currentActor.get(), action, paperId, sectionId);
    }
    return invocation.proceed();
  }

  private static Long pathParameter(InvocationContext invocation, String name) {
    Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof PathParam p && p.value().equals(name)) {
          Object value = invocation.getParameters()[i];
          if (value == null) {
            return null;
          }
          if (value instanceof Number n) {
            return n.longValue();
          }
          try {
            return Long.valueOf(value.toString());
          } catch (NumberFormatException e) {
            throw new NotFound(name.replace("Id", ""), value.toString());
          }
        }
      }
    }
    return null;
  }
}
