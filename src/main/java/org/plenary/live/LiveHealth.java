package org.plenary.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this instance hears the others' changes (its caches depend on it). */
@Readiness
@ApplicationScoped
public class LiveHealth implements HealthCheck {

  @Inject LiveListener listener;
  @Inject LiveHub hub;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("live events")
        .status(listener.connected())
        .withData("streams", hub.streams())
        .withData("droppedSlowStreams", hub.dropped())
        .withData("notificationsHeard", listener.notifications())
        .build();
  }
}
