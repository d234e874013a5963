package org.plenary.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared PostgreSQL for every {@code @QuarkusTest}. */
@QuarkusTestResource(PostgresResource.class)
public final class TestDatabase {
  private TestDatabase() {}
}
