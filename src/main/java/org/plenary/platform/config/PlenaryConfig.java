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

  Auth auth();

  Mail mail();

  Publish publish();

  Live live();

  Http http();

  Coedit coedit();

  Importing importing();

  /** Importing documents into a paper (see the importing package). */
  interface Importing {
    /** LibreOffice's program, which turns an ODT into a DOCX for the import to read. */
    @WithDefault("soffice")
    String soffice();

    /** How long one ODT conversion may take before it is stopped and the import refused. */
    @WithDefault("PT120S")
    java.time.Duration conversionTimeout();
  }

  /** Live co-editing of a section (see the coedit package). */
  interface Coedit {
    /** A live document's typing becomes a revision after this long without a new update. */
    @WithDefault("PT5S")
    java.time.Duration checkpointAfter();
  }

  /** HTTP answers (see {@code platform.http.SecurityHeaders}). */
  interface Http {
    /**
     * More origins the web app may connect to (its Content-Security-Policy's {@code connect-src}),
     * e.g. {@code https://auth.example.org} when the app was built for a Keycloak other than the
     * server's ({@code VITE_PLENARY_OIDC_URL}). Plenary's own origin, and with single sign-on on
     * the realm's, are always allowed.
     */
    java.util.Optional<java.util.List<String>> connectSources();
  }

  /** The live event stream and presence (see the live package). */
  interface Live {
    /** How often an open stream gets a keep-alive comment (also re-checks the reader's access). */
    @WithDefault("PT20S")
    java.time.Duration keepAlive();

    /** How long a presence lasts without a heartbeat (clients beat at a third of this). */
    @WithDefault("PT45S")
    java.time.Duration presenceTimeout();

    /** The most missed events a reconnecting client is sent; more, and it is told to reload. */
    @WithDefault("1000")
    int replayLimit();

    /** Events older than this are not replayed; the client is told to reload instead. */
    @WithDefault("P1D")
    java.time.Duration replayWindow();

    /**
     * How long an event sent to one client may stay untaken by its connection; a client that falls
     * this far behind is disconnected (it reconnects and catches up from the log) so it never holds
     * up the others.
     */
    @WithDefault("PT10S")
    java.time.Duration maxLag();

    /**
     * How long events of a paper wait to go out together to its streams (one write per stream per
     * window); 0 sends each notification batch at once.
     */
    @WithDefault("PT0.05S")
    java.time.Duration batchWindow();

    /** The most events waiting for one client's connection; more, and it is disconnected. */
    @WithDefault("1000")
    int maxPending();

    /** How long the listener waits before connecting to PostgreSQL again after losing it. */
    @WithDefault("PT1S")
    java.time.Duration reconnectDelay();
  }

  /** Compiling and publishing editions. */
  interface Publish {
    /** Where the fonts of published documents are looked for, in order. */
    @WithDefault(
        "/usr/share/fonts/truetype/noto,/usr/share/fonts/truetype/wqy,"
            + "/usr/share/fonts/truetype/dejavu")
    java.util.List<String> fontDirs();

    /** The most compiles one instance runs at once. */
    @WithDefault("1")
    int workers();
  }

  /** Where people reach this Plenary (links in emails). */
  @WithDefault("http://localhost:8080")
  String publicUrl();

  /**
   * Notification emails. Off by default; on, they go through quarkus-mailer's SMTP settings ({@code
   * quarkus.mailer.host}, {@code port}, {@code from}, ...).
   */
  interface Mail {
    @WithDefault("false")
    boolean enabled();

    /** How often waiting emails are sent. */
    @WithDefault("PT15S")
    java.time.Duration interval();

    /** A notification not emailed within this time is not emailed any more. */
    @WithDefault("P1D")
    java.time.Duration maxDelay();
  }

  /** Sign-in. */
  interface Auth {
    /**
     * The Keycloak client the web app signs in with (authorization code + PKCE); told to the app by
     * {@code GET /api/auth/methods} when single sign-on is on.
     */
    @WithDefault("plenary-web")
    String webClientId();

    /** How long a local sign-in stays valid. */
    @WithDefault("P14D")
    java.time.Duration tokenLifetime();

    /**
     * How long an instance trusts a token it has checked before asking the database again: the
     * longest a sign-out or a disabled account takes to reach other instances (this one forgets at
     * once).
     */
    @WithDefault("PT10S")
    java.time.Duration tokenCheckInterval();

    /** Failed sign-ins allowed per account within {@link #throttleWindow}. */
    @WithDefault("5")
    int maxFailures();

    /**
     * Failed sign-ins allowed per address within {@link #throttleWindow}: higher, because a whole
     * workshop venue often shares one address.
     */
    @WithDefault("50")
    int maxFailuresPerAddress();

    /** The window for {@link #maxFailures}, and how long a sign-in stays locked after it. */
    @WithDefault("PT15M")
    java.time.Duration throttleWindow();

    /** How long an invitation link is valid when its creator does not say. */
    @WithDefault("P14D")
    java.time.Duration invitationLifetime();

    /** How long a password-reset link is valid. */
    @WithDefault("P2D")
    java.time.Duration resetLifetime();

    /**
     * The first administrator's password, used only when Plenary creates that account (first
     * start). Without it a random one is generated and printed once in the log.
     */
    java.util.Optional<String> adminPassword();

    /** The first administrator's handle. */
    @WithDefault("admin")
    String adminHandle();

    /** Keycloak realm role that makes an SSO account a platform administrator. */
    @WithDefault("plenary-admin")
    String adminRole();
  }

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
