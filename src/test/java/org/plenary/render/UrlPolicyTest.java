package org.plenary.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/a?b=c#d",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG",
        "mailto:someone@example.org",
        "MailTo:someone@example.org",
        "#section-2",
        "/absolute/path",
        "relative/path.html",
        "path",
        "?query=1",
        "",
        "//example.org/protocol-relative",
        "/wiki/Talk%3AMain",
        "https://example.org/a%3Ab",
        "../up/one",
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "https://例え.jp/パス"
      })
  void web_mail_and_relative_urls_are_allowed(String url) {
    assertTrue(UrlPolicy.isAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "\njavascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "java\u0000script:alert(1)",
        "java\u0001script:alert(1)",
        "java\u007fscript:alert(1)",
        "java\u200bscript:alert(1)",
        "java\u00adscript:alert(1)",
        "\ufeffjavascript:alert(1)",
        "\u00a0javascript:alert(1)",
        "java&#115;cript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#0000106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#X6a;avascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "jav&#9;ascript:alert(1)",
        "jav&Tab;ascript:alert(1)",
        "java&NewLine;script:alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3a;alert(1)",
        "&amp;#106;avascript:alert(1)",
        "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
        "javascript%3Aalert(1)",
        "java%09script:alert(1)",
        "java%250Ascript:alert(1)",
        "javascript://example.org/%0Aalert(1)",
        "vbscript:msgbox(1)",
        "livescript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:image/svg+xml,<svg onload=alert(1)>",
        "file:///etc/passwd",
        "ftp://example.org",
        "irc://example.org",
        "blob:https://example.org/uuid",
        "filesystem:https://example.org/x",
        "localhost:8080/x",
        "a:b"
      })
  void other_schemes_are_refused_however_they_are_disguised(String url) {
    assertFalse(UrlPolicy.isAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"&amp;amp;amp;amp;amp;amp;amp;amp;amp;amp;#106;avascript:x"})
  void encodings_nested_too_deep_to_resolve_are_refused(String url) {
    assertFalse(UrlPolicy.isAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org",
        "HTTP://example.org",
        "//example.org",
        "\\\\example.org",
        "/\\example.org"
      })
  void off_site_web_urls_are_recognised(String url) {
    assertTrue(UrlPolicy.isAbsoluteWebUrl(url), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"#fn-1", "/path", "path", "?q", "mailto:a@example.org", ""})
  void in_site_and_mail_urls_are_not_off_site(String url) {
    assertFalse(UrlPolicy.isAbsoluteWebUrl(url), url);
  }
}
