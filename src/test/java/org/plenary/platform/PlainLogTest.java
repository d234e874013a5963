package org.plenary.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Without PLENARY_LOG_JSON the console log stays plain text (dev, tests, systemd's journal). */
@QuarkusTest
class PlainLogTest {

  @Test
  void console_lines_are_plain_text_by_default() {
    ExtLogRecord record = new ExtLogRecord(Level.INFO, "Started", PlainLogTest.class.getName());
    String line = JsonLogTest.consoleFormatter().format(record);
    assertFalse(line.strip().startsWith("{"), line);
  }
}
