package org.plenary.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.common.net.CidrAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address of a forwarded chain is the client's (see ClientAddress). */
class ClientAddressTest {

  static final List<CidrAddress> PROXY = ClientAddress.parseTrusted(List.of("127.0.0.1"));
  static final List<CidrAddress> PROXIES =
      ClientAddress.parseTrusted(List.of("127.0.0.1", "10.0.0.0/8", "[::1]:8443"));

  static String client(String peer, String xForwardedFor, List<CidrAddress> trusted) {
    return ClientAddress.resolve(peer, ClientAddress.xForwardedFor(xForwardedFor), trusted);
  }

  @Test
  void the_entry_the_trusted_proxy_appended_is_the_client_not_the_ones_the_client_sent() {
    assertEquals("198.51.100.7", client("127.0.0.1", "203.0.113.9, 198.51.100.7", PROXY));
    assertEquals("198.51.100.7", client("127.0.0.1", "6.6.6.6,198.51.100.7", PROXY));
    assertEquals("198.51.100.7", client("127.0.0.1", "198.51.100.7", PROXY));
  }

  @Test
  void trusted_proxies_in_the_chain_are_skipped_from_the_right() {
    assertEquals(
        "198.51.100.7", client("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3, 10.9.9.9", PROXIES));
    // A client that claims to be a trusted proxy is still the leftmost entry there is.
    assertEquals("10.0.0.1", client("127.0.0.1", "10.0.0.1, 10.2.2.2", PROXIES));
  }

  @Test
  void an_untrusted_peer_is_the_client_whatever_it_forwards() {
    assertEquals("192.0.2.4", client("192.0.2.4", "198.51.100.7", PROXY));
    assertEquals("127.0.0.2", client("127.0.0.2", "1.1.1.1, 127.0.0.1", PROXY));
  }

  @Test
  void a_trusted_peer_without_a_forwarding_header_is_the_client() {
    assertEquals("127.0.0.1", client("127.0.0.1", "", PROXY));
    assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of(), PROXY));
  }

  @Test
  void without_trusted_proxies_configured_only_the_last_hop_is_believed() {
    assertEquals("198.51.100.7", client("192.0.2.1", "6.6.6.6, 198.51.100.7", List.of()));
  }

  @Test
  void ports_brackets_and_spellings_of_ipv6_are_read_as_one_address() {
    assertEquals("2001:db8:0:0:0:0:0:1", client("::1", "6.6.6.6, [2001:db8::1]:4711", PROXIES));
    assertEquals("198.51.100.7", client("0:0:0:0:0:0:0:1", "198.51.100.7:5000", PROXIES));
    assertEquals("2001:db8:0:0:0:0:0:2", client("127.0.0.1", "2001:db8::2", PROXY));
  }

  @Test
  void the_forwarded_header_is_read_from_its_for_parameters() {
    assertEquals(
        List.of("6.6.6.6", "2001:db8:cafe::17", "198.51.100.7"),
        ClientAddress.forwardedFor(
            "for=6.6.6.6;proto=https, for=\"[2001:db8:cafe::17]:4711\", By=x;FOR=198.51.100.7"));
  }

  @Test
  void an_entry_that_is_no_address_is_kept_as_it_is_but_never_trusted() {
    assertEquals("unknown", client("127.0.0.1", "6.6.6.6, unknown", PROXY));
    assertEquals(64, client("127.0.0.1", "x".repeat(500), PROXY).length());
  }

  @Test
  void a_malformed_trusted_range_stops_the_start() {
    assertThrows(
        IllegalArgumentException.class, () -> ClientAddress.parseTrusted(List.of("10.0.0.0/99")));
  }
}
