package org.plenary.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestGuardTest {

  @Test
  void a_well_formed_address_passes() {
    assertNull(RequestGuard.firstBadPart("/api/papers/by-slug/d%C3%A9j%C3%A0?q=a+b&page=2&x"));
  }

  @Test
  void a_nul_in_a_query_value_names_the_parameter() {
    var bad = RequestGuard.firstBadPart("/api/admin/accounts?page=1&q=a%00b");
    assertNotNull(bad);
    assertEquals("q", bad.getKey());
    assertTrue(bad.getValue().contains("NUL"), bad.getValue());
  }

  @Test
  void a_lone_surrogate_encoded_as_utf8_is_not_text() {
    var bad = RequestGuard.firstBadPart("/api/papers?q=%ED%A0%80");
    assertEquals("q", bad.getKey());
    assertTrue(bad.getValue().contains("not UTF-8"), bad.getValue());
  }

  @Test
  void a_path_segment_that_decodes_to_nul_names_its_position() {
    var bad = RequestGuard.firstBadPart("/api/papers/by-slug/%00");
    assertEquals("path", bad.getKey());
    assertTrue(bad.getValue().startsWith("Part 4 of the address ('%00')"), bad.getValue());
  }

  @Test
  void broken_escapes_and_overlong_encodings_are_refused() {
    assertNotNull(RequestGuard.problemOf("%zz", true));
    assertNotNull(RequestGuard.problemOf("abc%4", false));
    assertNotNull(RequestGuard.problemOf("%C0%80", false));
    assertNotNull(RequestGuard.problemOf("%FF", true));
    assertThrows(IllegalArgumentException.class, () -> RequestGuard.decodeStrictly("%", true));
  }

  @Test
  void plus_is_a_space_in_a_query_only() {
    assertEquals("a b", RequestGuard.decodeStrictly("a+b", true));
    assertEquals("a+b", RequestGuard.decodeStrictly("a+b", false));
    assertEquals("déjà", RequestGuard.decodeStrictly("d%C3%A9j%C3%A0", false));
  }
}
