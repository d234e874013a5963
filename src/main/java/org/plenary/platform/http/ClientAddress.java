package org.plenary.platform.http;

import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The address a request came from, as sign-in throttling and the audit log count it.
 *
 * <p>Without proxy forwarding (the default) it is the connection's peer, and every forwarding
 * header ({@code X-Forwarded-For}, {@code Forwarded}, {@code X-Real-IP}) is ignored. With
 * forwarding on ({@code PLENARY_PROXY_FORWARDING=true}) and the peer a trusted proxy ({@code
 * PLENARY_TRUSTED_PROXIES}: addresses, CIDR ranges or host names, read as Quarkus reads {@code
 * quarkus.http.proxy.trusted-proxies}), the forwarding header is read <em>from its right end</em>:
 * each entry was appended by the hop to its right, so the first entry that is not itself a trusted
 * proxy is the client. Everything left of it was written by the client and is never believed.
 * (Quarkus's own remote address takes the leftmost entry, which the client chooses: a client could
 * then spread its failed sign-ins over made-up addresses and write any address into the audit log.)
 * An untrusted peer's headers are ignored.
 */
@Singleton
public class ClientAddress {

  private static final Logger LOG = Logger.getLogger(ClientAddress.class);

  /** A forwarded entry that is not an address is kept (as the key it is) up to this length. */
  private static final int MAX_OPAQUE = 64;

  @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
  boolean forwarding;

  @ConfigProperty(name = "quarkus.http.proxy.allow-forwarded", defaultValue = "false")
  boolean allowForwarded;

  @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded")
  Optional<Boolean> allowXForwarded;

  @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
  Optional<List<String>> trustedProxies;

  private List<CidrAddress> trusted = List.of();

  @PostConstruct
  void init() {
    trusted = parseTrusted(trustedProxies.orElse(List.of()));
  }

  /** The client's address for this request, or empty when the connection has none. */
  public Optional<String> of(HttpServerRequest request) {
    // The connection's peer: with forwarding on, request.remoteAddress() is Quarkus's reading of
    // the headers instead.
    SocketAddress peer =
        request.connection() != null
            ? request.connection().remoteAddress()
            : request.remoteAddress();
    if (peer == null || peer.hostAddress() == null) {
      return Optional.empty();
    }
    if (!forwarding) {
      return Optional.of(normal(peer.hostAddress()));
    }
    List<String> hops = new ArrayList<>();
    if (allowForwarded && request.headers().contains("Forwarded")) {
      request.headers().getAll("Forwarded").forEach(h -> hops.addAll(forwardedFor(h)));
    } else if (allowXForwarded.orElse(!allowForwarded)) {
      request.headers().getAll("X-Forwarded-For").forEach(h -> hops.addAll(xForwardedFor(h)));
    }
    return Optional.of(resolve(peer.hostAddress(), hops, trusted));
  }

  /**
   * The rightmost of {@code peer} and {@code hops} (left to right, as the header lists them) that
   * is not a trusted proxy; the leftmost hop when all are trusted. With no trusted proxies
   * configured, the peer is trusted as one proxy (as Quarkus does) and the last hop is the client.
   */
  static String resolve(String peer, List<String> hops, List<CidrAddress> trusted) {
    if (!trusted.isEmpty() && !isTrusted(peer, trusted)) {
      return normal(peer);
    }
    if (hops.isEmpty()) {
      return normal(peer);
    }
    if (trusted.isEmpty()) {
      return normal(hops.get(hops.size() - 1));
    }
    for (int i = hops.size() - 1; i > 0; i--) {
      if (!isTrusted(hops.get(i), trusted)) {
        return normal(hops.get(i));
      }
    }
    return normal(hops.get(0));
  }

  /** The entries of an {@code X-Forwarded-For} header, left to right, without ports. */
  static List<String> xForwardedFor(String header) {
    List<String> out = new ArrayList<>();
    for (String part : header.split(",")) {
      String hop = withoutPort(part.strip());
      if (!hop.isEmpty()) {
        out.add(hop);
      }
    }
    return out;
  }

  /** The {@code for=} of each element of a {@code Forwarded} header (RFC 7239), left to right. */
  static List<String> forwardedFor(String header) {
    List<String> out = new ArrayList<>();
    for (String element : header.split(",")) {
      for (String pair : element.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
          String value = pair.substring(eq + 1).strip();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          String hop = withoutPort(value.strip());
          if (!hop.isEmpty()) {
            out.add(hop);
          }
        }
      }
    }
    return out;
  }

  /** {@code [v6]:port} → {@code v6}, {@code v4:port} → {@code v4}; a bare IPv6 stays whole. */
  static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    if (colon > 0 && colon == hop.lastIndexOf(':')) {
      return hop.substring(0, colon);
    }
    return hop;
  }

  /** An address in one spelling (so {@code ::1} and {@code 0:0:0:0:0:0:0:1} count as one). */
  static String normal(String address) {
    InetAddress parsed = Inet.parseInetAddress(address);
    if (parsed != null) {
      try {
        // Without a scope (%0), and an IPv4-mapped IPv6 address as the IPv4 address it is.
        return InetAddress.getByAddress(parsed.getAddress()).getHostAddress();
      } catch (UnknownHostException e) {
        throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
      }
    }
    return address.length() > MAX_OPAQUE ? address.substring(0, MAX_OPAQUE) : address;
  }

  private static boolean isTrusted(String address, List<CidrAddress> trusted) {
    InetAddress parsed = Inet.parseInetAddress(address);
    return parsed != null && trusted.stream().anyMatch(range -> range.matches(parsed));
  }

  /**
   * The trusted proxies as address ranges: {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1},
   * {@code [::1]:8080} or a host name (looked up once, at start; a port is ignored).
   */
  static List<CidrAddress> parseTrusted(List<String> entries) {
    List<CidrAddress> ranges = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.contains("/")) {
        CidrAddress range = Inet.parseCidrAddress(entry);
        if (range == null) {
          throw new IllegalArgumentException("Not an address range: " + entry);
        }
        ranges.add(range);
        continue;
      }
      String host = withoutPort(entry);
      if (host.equals("localhost")) {
        host = "127.0.0.1";
      }
      InetAddress literal = Inet.parseInetAddress(host);
      if (literal != null) {
        ranges.add(CidrAddress.create(literal, literal.getAddress().length * 8));
        continue;
      }
      try {
        for (InetAddress resolved : InetAddress.getAllByName(host)) {
          ranges.add(CidrAddress.create(resolved, resolved.getAddress().length * 8));
        }
      } catch (UnknownHostException e) {
        LOG.warnf("Trusted proxy %s is not a known host; it is not trusted", host);
      }
    }
    return List.copyOf(ranges);
  }
}
