package org.plenary.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

/** PLENARY_LOG_JSON=true turns the console log into one JSON object per line. */
@QuarkusTest
@TestProfile(JsonLogTest.JsonLogs.class)
class JsonLogTest {

  public static class JsonLogs implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // The name an operator sets; application.properties maps it onto Quarkus's JSON console.
      return Map.of("PLENARY_LOG_JSON", "true");
    }
  }

  @Test
  void console_lines_are_json_objects() throws Exception {
    Formatter formatter = consoleFormatter();
    ExtLogRecord record =
        new ExtLogRecord(
            org.jboss.logmanager.Level.WARN,
            "Compile job %s failed",
            ExtLogRecord.FormatStyle.PRINTF,
            JsonLogTest.class.getName());
    record.setParameters(new Object[] {42});
    record.setLoggerName("org.plenary.publish.CompileWorker");

    String line = formatter.format(record);

    assertEquals(1, line.strip().lines().count(), line);
    JsonNode json = new ObjectMapper().readTree(line);
    assertEquals("Compile job 42 failed", json.path("message").asText());
    assertEquals("WARN", json.path("level").asText());
    assertEquals("org.plenary.publish.CompileWorker", json.path("loggerName").asText());
    assertFalse(json.path("timestamp").asText().isEmpty(), line);
  }

  /** The formatter of the console handler Quarkus installed (possibly wrapped by others). */
  static Formatter consoleFormatter() {
    List<Handler> todo =
        new ArrayList<>(List.of(LogContext.getLogContext().getLogger("").getHandlers()));
    while (!todo.isEmpty()) {
      Handler h = todo.remove(0);
      if (h instanceof ConsoleHandler) {
        assertNotNull(h.getFormatter());
        return h.getFormatter();
      }
      if (h instanceof ExtHandler ext) {
        todo.addAll(List.of(ext.getHandlers()));
      }
    }
    throw new AssertionError("no console handler");
  }
}
