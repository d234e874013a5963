package org.plenary.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Plenary's own settings (prefix {@code plenary}); the README's configuration table lists the same
 * keys. The embedded database's settings are read before Quarkus starts and live in {@code
 * EmbeddedDatabase}.
 */
@ConfigMapping(prefix = "plenary")
public interface PlenaryConfig {

  Demo demo();

  Render render();

  Db db();

  /**
   * The embedded database. These keys are read by {@code EmbeddedDatabase} before Quarkus starts
   * (system properties or environment only); they are declared here so Quarkus accepts them.
   */
  interface Db {
    /** Data directory of the embedded PostgreSQL (default: the user's data directory). */
    java.util.Optional<String> dataDir();

    /** Port of the embedded PostgreSQL on 127.0.0.1 (default: a free one). */
    java.util.OptionalInt port();
  }

  /** Demo content. */
  interface Demo {
    /** Seed the demo paper on first start with an empty database. */
    @WithDefault("true")
    boolean enabled();
  }

  /** Markdown rendering. */
  interface Render {
    /** Memory for rendered HTML of revisions (immutable, so cached per revision), in MiB. */
    @WithDefault("64")
    int cacheMegabytes();
  }
}
