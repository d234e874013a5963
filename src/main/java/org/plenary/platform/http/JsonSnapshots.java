package org.plenary.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Makes {@link JsonSnapshot}s with the application's own JSON settings. */
@ApplicationScoped
public class JsonSnapshots {

  @Inject ObjectMapper mapper;

  public JsonSnapshot of(Object value) {
    try {
      byte[] body = mapper.writeValueAsBytes(value);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return new JsonSnapshot(body, '"' + HexFormat.of().formatHex(digest, 0, 12) + '"');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write " + value.getClass().getName(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
