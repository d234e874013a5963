package org.plenary.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Meters of the live streams at {@code /q/metrics}, per instance. */
@ApplicationScoped
public class LiveMetrics {

  @Produces
  @Singleton
  MeterBinder liveMeters(LiveHub hub, LiveListener listener) {
    return registry -> {
      Gauge.builder("plenary.live.streams", hub, LiveHub::streams)
          .description("Live event streams open on this instance")
          .strongReference(true)
          .register(registry);
      FunctionCounter.builder("plenary.live.dropped", hub, LiveHub::dropped)
          .description("Streams closed because their client fell behind")
          .register(registry);
      FunctionCounter.builder("plenary.live.notifications", listener, LiveListener::notifications)
          .description("PostgreSQL notifications heard (events of every instance)")
          .register(registry);
      Gauge.builder("plenary.live.listening", listener, l -> l.connected() ? 1 : 0)
          .description("1 while this instance hears other instances' changes")
          .strongReference(true)
          .register(registry);
    };
  }
}
