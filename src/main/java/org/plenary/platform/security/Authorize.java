package org.plenary.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on the endpoint itself, what the caller must be allowed to do. The paper (and section)
 * it applies to come from the {@code paperId} and {@code sectionId} path parameters. Every {@code
 * /api} endpoint must carry it: {@link AuthorizationFilter} refuses the ones that do not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Authorize {
  Action value();
}
