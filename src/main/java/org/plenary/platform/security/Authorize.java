package org.plenary.platform.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on the endpoint itself, what the caller must be allowed to do. The paper (and section)
 * it applies to come from the method's {@code paperId} and {@code sectionId} path parameters. Every
 * {@code /api} endpoint must carry it: {@link AuthorizationFilter} refuses the ones that do not,
 * and answers 401 to anonymous callers of anything but {@link Action#PUBLIC}; {@link
 * AuthorizeInterceptor} then asks {@link PermissionService} on the worker thread.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Authorize {
  @Nonbinding
  Action value();
}
