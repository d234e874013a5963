package org.plenary.coedit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The npm {@code yjs} the web app uses, running in this JVM (GraalJS). It is bundled by the
 * frontend build ({@code frontend/jvm/yjs-jvm.ts}) and read from the class path, so the server
 * decodes, applies and encodes exactly what browsers do. See docs/live.md for why.
 *
 * <p>A GraalJS context runs one thread at a time, so every call takes this runtime's lock; a call
 * is microseconds to a few milliseconds (figures in docs/live.md). The context has no host access:
 * bytes cross as strings of chars 0..255.
 */
@Singleton
public class Yjs implements AutoCloseable {

  /** The bundle's place on the class path (next to this class). */
  static final String BUNDLE = "yjs-jvm.js";

  private final Engine engine;
  private final Context context;
  private final Value api;
  private final ReentrantLock lock = new ReentrantLock();

  /** One section's document in this runtime: touch it only through {@link Yjs}. */
  public static final class Doc {
    private final Value value;

    private Doc(Value value) {
      this.value = value;
    }
  }

  /** What applying a client's update did. */
  public enum Status {
    APPLIED,
    UNCHANGED,
    MALFORMED,
    MISSING_DEPENDENCIES
  }

  /** {@code update} is what was new in it (empty unless applied); {@code reason} for refusals. */
  public record Applied(Status status, byte[] update, String reason) {}

  public Yjs() {
    String code;
    try (InputStream in = Yjs.class.getResourceAsStream(BUNDLE)) {
      if (in == null) {
        throw new IllegalStateException(
            "org/plenary/coedit/"
                + BUNDLE
                + " is not on the class path: build the frontend (npm run build, or the Maven"
                + " build without -Dfrontend.skip=true) once");
      }
      code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + BUNDLE, e);
    }
    engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    context = Context.newBuilder("js").engine(engine).build();
    context.eval(Source.newBuilder("js", code, BUNDLE).buildLiteral());
    api = context.getBindings("js").getMember("PlenaryYjs");
  }

  /** An empty document. */
  public Doc create() {
    return locked(() -> new Doc(api.invokeMember("create")));
  }

  /** Applies a client's update, or says why not (see {@link Status}). */
  public Applied apply(Doc doc, byte[] update) {
    return locked(
        () -> {
          Value result = api.invokeMember("apply", doc.value, binary(update));
          Status status =
              switch (result.getMember("status").asString()) {
                case "applied" -> Status.APPLIED;
                case "unchanged" -> Status.UNCHANGED;
                case "malformed" -> Status.MALFORMED;
                default -> Status.MISSING_DEPENDENCIES;
              };
          return new Applied(
              status,
              bytes(result.getMember("update").asString()),
              result.getMember("reason").asString());
        });
  }

  /** Applies an update the server itself stored or received from another instance. */
  public void load(Doc doc, byte[] update) {
    locked(() -> api.invokeMember("load", doc.value, binary(update)));
  }

  /** The document's text. */
  public String text(Doc doc) {
    return locked(() -> api.invokeMember("text", doc.value).asString());
  }

  /** The document's state vector (what it has seen from each client). */
  public byte[] stateVector(Doc doc) {
    return locked(() -> bytes(api.invokeMember("stateVector", doc.value).asString()));
  }

  /**
   * What a peer whose state vector is {@code vector} lacks (everything for an empty vector), or
   * empty when {@code vector} is not a state vector.
   */
  public Optional<byte[]> missing(Doc doc, byte[] vector) {
    return locked(
        () -> {
          Value out = api.invokeMember("missing", doc.value, binary(vector));
          return out.isNull() ? Optional.<byte[]>empty() : Optional.of(bytes(out.asString()));
        });
  }

  /** Makes the text {@code next} with one edit; returns the update (empty if nothing changed). */
  public byte[] replaceText(Doc doc, String next) {
    return locked(() -> bytes(api.invokeMember("replaceText", doc.value, next).asString()));
  }

  @PreDestroy
  @Override
  public void close() {
    lock.lock();
    try {
      context.close();
      engine.close();
    } finally {
      lock.unlock();
    }
  }

  private <T> T locked(Supplier<T> call) {
    lock.lock();
    try {
      return call.get();
    } finally {
      lock.unlock();
    }
  }

  private static String binary(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String binary) {
    return binary.getBytes(StandardCharsets.ISO_8859_1);
  }
}
