package org.plenary.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON rules for every request body: unknown fields are refused (a typo must not be silently
 * ignored), and strings that PostgreSQL cannot store (NUL characters, broken surrogate pairs) are
 * refused with the field named, instead of failing later in the database.
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.registerModule(
        new SimpleModule("plenary-strings").addDeserializer(String.class, new SafeStrings()));
  }

  /** Reads strings like Jackson does, then refuses the ones that could not be stored. */
  static final class SafeStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      String problem = problemOf(value);
      if (problem != null) {
        throw InvalidFormatException.from(p, problem, "(text)", String.class);
      }
      return value;
    }
  }

  /** Why a string cannot be stored, or null when it can. */
  public static String problemOf(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return "Text must not contain the NUL character (U+0000).";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return "Text contains a broken character (an unpaired UTF-16 surrogate).";
      }
      if (Character.isLowSurrogate(c)) {
        return "Text contains a broken character (an unpaired UTF-16 surrogate).";
      }
    }
    return null;
  }
}
