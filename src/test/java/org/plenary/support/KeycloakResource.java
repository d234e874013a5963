package org.plenary.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points Plenary's OIDC at the shared test Keycloak (started once per test run). */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    KeycloakServer keycloak = KeycloakServer.get();
    return Map.of(
        "quarkus.oidc.tenant-enabled", "true", "quarkus.oidc.auth-server-url", keycloak.realmUrl());
  }

  @Override
  public void stop() {
    // Shared by the whole run; stopped by the shutdown hook.
  }
}
