package org.plenary.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared Keycloak for every {@code @QuarkusTest}. */
@QuarkusTestResource(KeycloakResource.class)
public final class TestKeycloak {
  private TestKeycloak() {}
}
