package org.plenary.coedit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>A GraalJS context runs one thread at a time, so every call takes its context's lock; a call is
 * microseconds to a few milliseconds (figures in docs/live.md). There are a few contexts on one
 * engine (as many as processors, at least two), and each document lives in one of them, given out
 * in turn, so sections do not all wait for one lock. The contexts have no host access: bytes cross
 * as strings of chars 0..255.
 */
@Singleton
public class Yjs implements AutoCloseable {

  /** The bundle's place on the class path (next to this class). */
  static final String BUNDLE = "yjs-jvm.js";

  private final AtomicInteger next = new AtomicInteger();

  /**
   * The engine and its contexts with the bundle, started by the first {@link #create}: they cost
   * seconds of CPU and tens of megabytes, and an instance whose sections nobody co-edits never
   * needs them.
   */
  private volatile Started started;

  private record Started(Engine engine, Runtime[] runtimes) {}

  /** One context with the bundle loaded, and the lock its one thread at a time takes. */
  private record Runtime(Context context, Value api, ReentrantLock lock) {
    <T> T locked(Supplier<T> call) {
      lock.lock();
      try {
        return call.get();
      } finally {
        lock.unlock();
      }
    }
  }

  /** One section's document in one of the contexts: touch it only through {@link Yjs}. */
  public static final class Doc {
    private final Runtime runtime;
    private final Value value;

    private Doc(Runtime runtime, Value value) {
      this.runtime = runtime;
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

  /** {@code reason} says why a refused update was refused. */
  public record Applied(Status status, String reason) {}

  /** Whether the engine has started (for tests). */
  boolean running() {
    return started != null;
  }

  private Started started() {
    Started s = started;
    if (s == null) {
      synchronized (this) {
        s = started;
        if (s == null) {
          started = s = start();
        }
      }
    }
    return s;
  }

  private static Started start() {
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
    Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    Source source = Source.newBuilder("js", code, BUNDLE).buildLiteral();
    Runtime[] runtimes =
        new Runtime[Math.max(2, java.lang.Runtime.getRuntime().availableProcessors())];
    for (int i = 0; i < runtimes.length; i++) {
      Context context = Context.newBuilder("js").engine(engine).build();
      context.eval(source);
      runtimes[i] =
          new Runtime(
              context, context.getBindings("js").getMember("PlenaryYjs"), new ReentrantLock());
    }
    return new Started(engine, runtimes);
  }

  /** An empty document, in the next context in turn. */
  public Doc create() {
    Runtime[] runtimes = started().runtimes();
    Runtime r = runtimes[Math.floorMod(next.getAndIncrement(), runtimes.length)];
    return r.locked(() -> new Doc(r, r.api().invokeMember("create")));
  }

  /** Applies a client's update, or says why not (see {@link Status}). */
  public Applied apply(Doc doc, byte[] update) {
    return doc.runtime.locked(
        () -> {
          Value result = doc.runtime.api().invokeMember("apply", doc.value, binary(update));
          Status status =
              switch (result.getMember("status").asString()) {
                case "applied" -> Status.APPLIED;
                case "unchanged" -> Status.UNCHANGED;
                case "malformed" -> Status.MALFORMED;
                default -> Status.MISSING_DEPENDENCIES;
              };
          return new Applied(status, result.getMember("reason").asString());
        });
  }

  /** Applies an update the server itself stored or received from another instance. */
  public void load(Doc doc, byte[] update) {
    load(doc, List.of(update));
  }

  /**
   * Applies updates the server itself stored or received from another instance, in order and in one
   * Yjs transaction (one end of transaction for all of them, not one each).
   */
  public void load(Doc doc, List<byte[]> updates) {
    if (updates.isEmpty()) {
      return;
    }
    byte[] all = updates.size() == 1 ? updates.get(0) : concatenated(updates);
    StringJoiner lengths = new StringJoiner(",");
    updates.forEach(u -> lengths.add(Integer.toString(u.length)));
    String packed = binary(all);
    doc.runtime.locked(
        () -> doc.runtime.api().invokeMember("load", doc.value, packed, lengths.toString()));
  }

  /** The document's text. */
  public String text(Doc doc) {
    return doc.runtime.locked(() -> doc.runtime.api().invokeMember("text", doc.value).asString());
  }

  /** The text's length in UTF-16 units, without building the text. */
  public int length(Doc doc) {
    return doc.runtime.locked(() -> doc.runtime.api().invokeMember("length", doc.value).asInt());
  }

  /** The document's state vector (what it has seen from each client). */
  public byte[] stateVector(Doc doc) {
    return doc.runtime.locked(
        () -> bytes(doc.runtime.api().invokeMember("stateVector", doc.value).asString()));
  }

  /**
   * What a peer whose state vector is {@code vector} lacks (everything for an empty vector), or
   * empty when {@code vector} is not a state vector.
   */
  public Optional<byte[]> missing(Doc doc, byte[] vector) {
    return doc.runtime.locked(
        () -> {
          Value out = doc.runtime.api().invokeMember("missing", doc.value, binary(vector));
          return out.isNull() ? Optional.<byte[]>empty() : Optional.of(bytes(out.asString()));
        });
  }

  /** Makes the text {@code next} with one edit; returns the update (empty if nothing changed). */
  public byte[] replaceText(Doc doc, String next) {
    return doc.runtime.locked(
        () -> bytes(doc.runtime.api().invokeMember("replaceText", doc.value, next).asString()));
  }

  @PreDestroy
  @Override
  public synchronized void close() {
    Started s = started;
    if (s == null) {
      return;
    }
    started = null;
    for (Runtime r : s.runtimes()) {
      r.locked(
          () -> {
            r.context().close();
            return null;
          });
    }
    s.engine().close();
  }

  private static byte[] concatenated(List<byte[]> parts) {
    byte[] all = new byte[parts.stream().mapToInt(p -> p.length).sum()];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  private static String binary(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String binary) {
    return binary.getBytes(StandardCharsets.ISO_8859_1);
  }
}
