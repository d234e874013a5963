package org.plenary.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Plenary's own meters on publishing, beside the HTTP and JVM ones at {@code /q/metrics}. The gauge
 * is per instance: a sum over instances near {@code plenary.publish.workers} each means compiles
 * wait for a free worker.
 */
@ApplicationScoped
public class CompileMetrics {

  @Produces
  @Singleton
  MeterBinder compileJobsRunning(CompileWorker worker) {
    return registry ->
        Gauge.builder("plenary.compile.jobs.running", worker, CompileWorker::running)
            .description("Compile jobs this instance is running now")
            // The worker is a CDI client proxy; keep it reachable for the gauge.
            .strongReference(true)
            .register(registry);
  }
}
