package org.plenary.platform.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that only reads, with one query or with queries that need no common
 * snapshot, and therefore runs without a transaction (each query in autocommit). This keeps the
 * hottest reads (outline, current text, rendered section) free of the transaction manager and of
 * the extra round trips of BEGIN and COMMIT. A read that must see one consistent snapshot across
 * several queries stays {@code @Transactional}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface ReadOnly {}
