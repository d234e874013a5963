/*
 * Plenary save load generator: a single-file Java 17 program, run as `java bench/SaveLoad.java`.
 * No libraries beyond the JDK. Used by bench/run-foundation; see bench/README.md.
 *
 *   java bench/SaveLoad.java setup   --base URL [--sections 32] [--words 300]
 *   java bench/SaveLoad.java saves   --base URL --paper P --sections id,id,... [--clients 32]
 *                                    [--warmup 5] [--duration 20]
 *   java bench/SaveLoad.java contend --base URL --paper P --section S [--clients 32]
 *                                    [--warmup 0] [--duration 20]
 *   (saves and contend also take --clock-file F: the window's epoch milliseconds are written there,
 *   and --shared-client false: one HttpClient per thread instead of one shared by all threads)
 *
 * setup   creates a paper with N sections of ~W words of prose-like Markdown (the "saves" paper)
 *         and a second paper with one section (the "contention" paper); prints key=value lines.
 * saves   32 platform threads (sharing one HTTP/1.1 HttpClient, hence 32 connections), each on
 *         its own section: one GET for the ETag, then PUT after PUT, each with the ETag of its
 *         previous response and a body that differs by a counter word.
 * contend 32 threads on ONE section: GET content, then PUT with that ETag; 412 is the expected
 *         answer for most of them. Afterwards checks that no accepted save was lost: the
 *         section's currentRevision must equal 1 + every 2xx the clients got (whole run).
 *
 * Results go to stdout as key=value lines (latencies in milliseconds); progress to stderr.
 * Latencies are measured per request (send to complete response body), for requests that
 * complete inside the measurement window [start + warmup, start + warmup + duration).
 * The client measures its own process CPU over that window (client_cpu_pct, 100 = one core).
 */

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SaveLoad {

  /** Where to write the measurement window as "from_epoch_ms until_epoch_ms" (optional). */
  static String clockFile;

  /**
   * One HttpClient for all threads (the default: HTTP/1.1, so it opens a connection per concurrent
   * request, 32 here; about a quarter less client CPU per request) or one per thread.
   */
  static boolean sharedClient;

  static HttpClient shared;

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  static final Pattern CURRENT_REVISION = Pattern.compile("\"currentRevision\"\\s*:\\s*(\\d+)");
  static final Pattern CURRENT_ETAG = Pattern.compile("\"currentEtag\"\\s*:\\s*\"(\\\\\"[^\\\\]*\\\\\")\"");
  static final Pattern ETAG_REVISION = Pattern.compile("-r(\\d+)\"$");

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      usage();
    }
    Map<String, String> opt = options(Arrays.copyOfRange(args, 1, args.length));
    clockFile = opt.get("clock-file");
    sharedClient = Boolean.parseBoolean(opt.getOrDefault("shared-client", "true"));
    String base = require(opt, "base").replaceAll("/+$", "");
    switch (args[0]) {
      case "setup" -> setup(base, intOpt(opt, "sections", 32), intOpt(opt, "words", 300));
      case "saves" ->
          saves(
              base,
              Long.parseLong(require(opt, "paper")),
              Arrays.stream(require(opt, "sections").split(",")).mapToLong(Long::parseLong).toArray(),
              intOpt(opt, "clients", 32),
              intOpt(opt, "warmup", 5),
              intOpt(opt, "duration", 20));
      case "contend" ->
          contend(
              base,
              Long.parseLong(require(opt, "paper")),
              Long.parseLong(require(opt, "section")),
              intOpt(opt, "clients", 32),
              intOpt(opt, "warmup", 0),
              intOpt(opt, "duration", 20));
      default -> usage();
    }
  }

  // ---- setup -----------------------------------------------------------------------------------

  static void setup(String base, int sections, int words) throws Exception {
    HttpClient http = client();
    long paper = createPaper(http, base, "Benchmark: saves (" + sections + " sections)");
    List<String> ids = new ArrayList<>();
    long totalWords = 0;
    for (int i = 0; i < sections; i++) {
      String body = Prose.section(i, words);
      totalWords += body.split("\\s+").length;
      ids.add(String.valueOf(createSection(http, base, paper, "Section " + (i + 1), body)));
    }
    long contention = createPaper(http, base, "Benchmark: contention");
    long hot = createSection(http, base, contention, "The contended section", Prose.section(999, words));
    System.out.println("saves_paper=" + paper);
    System.out.println("saves_sections=" + String.join(",", ids));
    System.out.println("saves_words_per_section=" + totalWords / Math.max(1, sections));
    System.out.println("saves_body_bytes=" + Prose.section(0, words).length());
    System.out.println("contend_paper=" + contention);
    System.out.println("contend_section=" + hot);
  }

  static long createPaper(HttpClient http, String base, String title) throws Exception {
    String json = "{\"title\":" + Json.string(title) + ",\"language\":\"en\"}";
    return idOf(send(http, post(base + "/api/papers", json)), 201);
  }

  static long createSection(HttpClient http, String base, long paper, String heading, String body)
      throws Exception {
    String json = "{\"heading\":" + Json.string(heading) + ",\"body\":" + Json.string(body) + "}";
    return idOf(send(http, post(base + "/api/papers/" + paper + "/sections", json)), 201);
  }

  static long idOf(HttpResponse<String> r, int expected) {
    if (r.statusCode() != expected) {
      throw new IllegalStateException(
          r.request().method() + " " + r.uri() + " -> " + r.statusCode() + ": " + r.body());
    }
    Matcher m = ID.matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("no id in " + r.body());
    }
    return Long.parseLong(m.group(1));
  }

  // ---- saves: one section per client ----------------------------------------------------------

  static void saves(
      String base, long paper, long[] sections, int clients, int warmup, int duration)
      throws Exception {
    if (sections.length < clients) {
      throw new IllegalArgumentException(
          "need one section per client: " + sections.length + " sections for " + clients + " clients");
    }
    Window window = new Window(warmup, duration);
    Worker[] workers = new Worker[clients];
    for (int t = 0; t < clients; t++) {
      final int id = t;
      final long section = sections[t];
      workers[t] =
          new Worker(t) {
            @Override
            void run(Window w) throws Exception {
              HttpClient http = loadClient();
              String url = base + "/api/papers/" + paper + "/sections/" + section + "/content";
              HttpResponse<String> first = send(http, req(url).timeout(REQUEST_TIMEOUT).GET().build());
              String etag = etag(first);
              String prose = Prose.section(id, 300);
              long n = 0;
              ready.countDown();
              w.awaitStart();
              HttpRequest get = req(url).timeout(REQUEST_TIMEOUT).GET().build();
              while (!w.over()) {
                if (etag == null) { // after an error: ask for the current ETag again
                  try {
                    etag = etag(send(http, get));
                  } catch (Exception e) {
                    getErrors++;
                    note("GET: " + e);
                    Thread.sleep(100);
                    continue;
                  }
                }
                String body = prose + "\n\nEdit " + (++n) + " by client " + id + ".";
                long start = System.nanoTime();
                HttpResponse<String> r;
                try {
                  r = send(http, put(url, etag, body));
                } catch (Exception e) {
                  record(w, start, System.nanoTime(), -1);
                  note("PUT: " + e);
                  etag = null;
                  continue;
                }
                long end = System.nanoTime();
                record(w, start, end, r.statusCode());
                if (r.statusCode() / 100 == 2) {
                  etag = etag(r);
                } else if (r.statusCode() == 412) {
                  Matcher m = CURRENT_ETAG.matcher(r.body());
                  etag = m.find() ? m.group(1).replace("\\\"", "\"") : null;
                  note("412 on own section: " + r.body());
                } else {
                  note(r.statusCode() + ": " + r.body());
                  etag = null;
                }
              }
            }
          };
    }
    Result res = runAll(workers, window);
    res.print("saves", duration);
  }

  // ---- contention: every client on one section -------------------------------------------------

  static void contend(
      String base, long paper, long section, int clients, int warmup, int duration)
      throws Exception {
    Window window = new Window(warmup, duration);
    Set<Integer> acceptedRevisions = ConcurrentHashMap.newKeySet();
    String url = base + "/api/papers/" + paper + "/sections/" + section + "/content";
    Worker[] workers = new Worker[clients];
    for (int t = 0; t < clients; t++) {
      final int id = t;
      workers[t] =
          new Worker(t) {
            @Override
            void run(Window w) throws Exception {
              HttpClient http = loadClient();
              String prose = Prose.section(999, 300);
              HttpRequest get = req(url).timeout(REQUEST_TIMEOUT).GET().build();
              send(http, get); // open the connection before the clock starts
              long n = 0;
              ready.countDown();
              w.awaitStart();
              while (!w.over()) {
                long cycleStart = System.nanoTime();
                String etag;
                try {
                  etag = etag(send(http, get));
                } catch (Exception e) {
                  getErrors++;
                  note("GET: " + e);
                  Thread.sleep(100);
                  continue;
                }
                String body = prose + "\n\nEdit " + (++n) + " by client " + id + ".";
                long start = System.nanoTime();
                HttpResponse<String> r;
                try {
                  r = send(http, put(url, etag, body));
                } catch (Exception e) {
                  unknownOutcome++; // the save may or may not have happened
                  record(w, start, System.nanoTime(), -1);
                  note("PUT: " + e);
                  continue;
                }
                long end = System.nanoTime();
                record(w, start, end, r.statusCode());
                recordCycle(w, cycleStart, end);
                if (r.statusCode() / 100 == 2) {
                  Matcher m = ETAG_REVISION.matcher(etag(r));
                  if (!m.find() || !acceptedRevisions.add(Integer.parseInt(m.group(1)))) {
                    duplicateRevisions++;
                  }
                } else if (r.statusCode() != 412) {
                  note(r.statusCode() + ": " + r.body());
                }
              }
            }
          };
    }
    Result res = runAll(workers, window);
    res.print("contend", duration);
    // No lost update: every accepted save (whole run, warm-up and tail included) is a revision.
    HttpResponse<String> s =
        send(client(), req(base + "/api/papers/" + paper + "/sections/" + section).GET().build());
    Matcher m = CURRENT_REVISION.matcher(s.body());
    int current = m.find() ? Integer.parseInt(m.group(1)) : -1;
    long expected = 1 + res.totalAccepted;
    boolean ok = current == expected && res.unknownOutcome == 0 && res.duplicateRevisions == 0;
    System.out.println("contend_current_revision=" + current);
    System.out.println("contend_expected_revision=" + expected);
    System.out.println("contend_duplicate_revisions=" + res.duplicateRevisions);
    System.out.println("contend_unknown_outcome=" + res.unknownOutcome);
    System.out.println("contend_no_lost_update=" + (ok ? "ok" : "FAILED"));
  }

  // ---- the harness ------------------------------------------------------------------------------

  /** The measurement clock: warm-up, then the window; shared by every worker. */
  static final class Window {
    final int warmupSeconds;
    final int durationSeconds;
    volatile long start; // nanoTime when the workers were released
    volatile long from;
    volatile long until;
    final CountDownLatch go = new CountDownLatch(1);
    /** 2xx answers per second since the release, warm-up included (to see the JIT warm up). */
    final java.util.concurrent.atomic.AtomicLongArray perSecond;

    Window(int warmup, int duration) {
      this.warmupSeconds = warmup;
      this.durationSeconds = duration;
      this.perSecond = new java.util.concurrent.atomic.AtomicLongArray(warmup + duration + 60);
    }

    void release() {
      start = System.nanoTime();
      from = start + warmupSeconds * 1_000_000_000L;
      until = from + durationSeconds * 1_000_000_000L;
      go.countDown();
    }

    void awaitStart() throws InterruptedException {
      go.await();
    }

    boolean over() {
      return System.nanoTime() >= until;
    }

    boolean inside(long end) {
      return end >= from && end < until;
    }
  }

  abstract static class Worker {
    final int index;
    final CountDownLatch ready = new CountDownLatch(1);
    long[] latencies = new long[1 << 14];
    int count;
    long[] cycles = new long[1 << 10];
    int cycleCount;
    long ok2xx, status412, other, exceptions; // inside the window
    long totalAccepted, unknownOutcome, duplicateRevisions, getErrors; // whole run
    final List<String> errors = new ArrayList<>();

    /** Keeps the first few error messages of this client. */
    void note(String message) {
      if (errors.size() < 5) {
        errors.add(message);
      }
    }
    volatile Throwable failure;

    Worker(int index) {
      this.index = index;
    }

    abstract void run(Window w) throws Exception;

    void record(Window w, long start, long end, int status) {
      if (status / 100 == 2) {
        totalAccepted++;
        int second = (int) ((end - w.start) / 1_000_000_000L);
        if (second >= 0 && second < w.perSecond.length()) {
          w.perSecond.incrementAndGet(second);
        }
      }
      if (!w.inside(end)) {
        return;
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = end - start;
      if (status / 100 == 2) ok2xx++;
      else if (status == 412) status412++;
      else if (status < 0) exceptions++;
      else other++;
    }

    void recordCycle(Window w, long start, long end) {
      if (!w.inside(end)) {
        return;
      }
      if (cycleCount == cycles.length) {
        cycles = Arrays.copyOf(cycles, cycleCount * 2);
      }
      cycles[cycleCount++] = end - start;
    }
  }

  static final class Result {
    long ok2xx, status412, other, exceptions, totalAccepted, unknownOutcome, duplicateRevisions;
    long getErrors;
    long[] latencies;
    long[] cycles;
    double cpuPct;
    double windowSeconds;
    String perSecond = "";
    List<String> errors = new ArrayList<>();

    void print(String prefix, int duration) {
      double secs = windowSeconds;
      System.out.println(prefix + "_window_s=" + fmt(secs));
      System.out.println(prefix + "_requests=" + latencies.length);
      System.out.println(prefix + "_ok=" + ok2xx);
      System.out.println(prefix + "_ok_per_s=" + fmt(ok2xx / secs));
      System.out.println(prefix + "_requests_per_s=" + fmt(latencies.length / secs));
      System.out.println(prefix + "_412=" + status412);
      System.out.println(prefix + "_other_status=" + other);
      System.out.println(prefix + "_exceptions=" + exceptions);
      System.out.println(prefix + "_non2xx=" + (status412 + other + exceptions));
      System.out.println(prefix + "_total_accepted=" + totalAccepted);
      System.out.println(prefix + "_get_errors=" + getErrors);
      System.out.println(prefix + "_p50_ms=" + fmt(pct(latencies, 50)));
      System.out.println(prefix + "_p90_ms=" + fmt(pct(latencies, 90)));
      System.out.println(prefix + "_p99_ms=" + fmt(pct(latencies, 99)));
      System.out.println(prefix + "_max_ms=" + fmt(latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6));
      if (cycles.length > 0) {
        System.out.println(prefix + "_cycle_p50_ms=" + fmt(pct(cycles, 50)));
        System.out.println(prefix + "_cycle_p99_ms=" + fmt(pct(cycles, 99)));
      }
      System.out.println(prefix + "_client_cpu_pct=" + fmt(cpuPct));
      System.out.println(prefix + "_ok_per_second_timeline=" + perSecond);
      for (int i = 0; i < Math.min(5, errors.size()); i++) {
        System.err.println("  error: " + errors.get(i).replaceAll("\\s+", " ").substring(0, Math.min(300, errors.get(i).length())));
      }
    }
  }

  static Result runAll(Worker[] workers, Window window) throws Exception {
    Thread[] threads = new Thread[workers.length];
    for (int i = 0; i < workers.length; i++) {
      Worker w = workers[i];
      threads[i] =
          new Thread(
              () -> {
                try {
                  w.run(window);
                } catch (Throwable t) {
                  w.failure = t;
                  w.ready.countDown();
                }
              },
              "client-" + i);
      threads[i].start();
    }
    for (Worker w : workers) {
      w.ready.await();
    }
    for (Worker w : workers) {
      if (w.failure != null) {
        throw new IllegalStateException("client " + w.index + " failed to start", w.failure);
      }
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.err.printf(
        "%d clients running: %d s warm-up, %d s measured%n",
        workers.length, window.warmupSeconds, window.durationSeconds);
    long epoch = System.currentTimeMillis();
    window.release();
    if (clockFile != null) {
      long from = epoch + window.warmupSeconds * 1000L;
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(clockFile), from + " " + (from + window.durationSeconds * 1000L) + "\n");
    }
    // CPU of this process over the window (sampled at its edges).
    sleepUntil(window.from);
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    sleepUntil(window.until);
    long cpu1 = os.getProcessCpuTime();
    long t1 = System.nanoTime();
    long joinDeadline = System.currentTimeMillis() + REQUEST_TIMEOUT.toMillis() + 5_000;
    for (Thread t : threads) {
      t.join(Math.max(1, joinDeadline - System.currentTimeMillis()));
    }
    Result r = new Result();
    r.windowSeconds = window.durationSeconds;
    r.cpuPct = 100.0 * (cpu1 - cpu0) / (t1 - t0);
    StringBuilder timeline = new StringBuilder();
    for (int i = 0; i < window.warmupSeconds + window.durationSeconds; i++) {
      timeline.append(i == 0 ? "" : ",").append(window.perSecond.get(i));
    }
    r.perSecond = timeline.toString();
    int n = 0, c = 0;
    for (Worker w : workers) {
      if (w.failure != null) {
        r.errors.add("client " + w.index + " died: " + w.failure);
        r.exceptions++;
      }
      n += w.count;
      c += w.cycleCount;
    }
    r.latencies = new long[n];
    r.cycles = new long[c];
    n = 0;
    c = 0;
    for (Worker w : workers) {
      System.arraycopy(w.latencies, 0, r.latencies, n, w.count);
      System.arraycopy(w.cycles, 0, r.cycles, c, w.cycleCount);
      n += w.count;
      c += w.cycleCount;
      r.ok2xx += w.ok2xx;
      r.status412 += w.status412;
      r.other += w.other;
      r.exceptions += w.exceptions;
      r.totalAccepted += w.totalAccepted;
      r.unknownOutcome += w.unknownOutcome;
      r.duplicateRevisions += w.duplicateRevisions;
      r.getErrors += w.getErrors;
      synchronized (w.errors) {
        r.errors.addAll(w.errors);
      }
    }
    Arrays.sort(r.latencies);
    Arrays.sort(r.cycles);
    for (Thread t : threads) {
      if (t.isAlive()) {
        r.errors.add(t.getName() + " still running after the deadline");
      }
    }
    return r;
  }

  static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  // ---- HTTP ---------------------------------------------------------------------------------------

  static synchronized HttpClient loadClient() {
    if (!sharedClient) {
      return client();
    }
    if (shared == null) {
      shared = client();
    }
    return shared;
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest post(String url, String json) {
    return req(url)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  static HttpRequest put(String url, String etag, String body) {
    return req(url)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("If-Match", etag)
        .PUT(HttpRequest.BodyPublishers.ofString("{\"body\":" + Json.string(body) + "}"))
        .build();
  }

  static String etag(HttpResponse<String> r) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(r.request().method() + " " + r.uri() + " -> " + r.statusCode() + ": " + r.body());
    }
    return r.headers()
        .firstValue("ETag")
        .orElseThrow(() -> new IllegalStateException("no ETag on " + r.request().method() + " " + r.uri()));
  }

  // ---- odds and ends ------------------------------------------------------------------------------

  static final class Json {
    static String string(String s) {
      StringBuilder b = new StringBuilder(s.length() + 16).append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> {
            if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
          }
        }
      }
      return b.append('"').toString();
    }
  }

  /** Deterministic prose-like Markdown: paragraphs, emphasis, a list, a link. */
  static final class Prose {
    static final String[] WORDS = (
        "the group agreed that local partners need standing and resources before any market entry"
            + " companies should publish conflict sensitivity assessments and share crisis protocols"
            + " with researchers civil society organisations asked for a standing escalation channel"
            + " donors can fund local capacity at arm's length while governments set transparency"
            + " rules participants disagreed on confidentiality and the safety of partners but most"
            + " accepted independent verification of commitments in fragile and conflict affected"
            + " settings the roundtable drew on three decades of multi stakeholder experience in food"
            + " garment and extractive industries to argue that goodwill alone is not enough")
        .split(" ");

    static String section(int seed, int words) {
      SplittableRandom rnd = new SplittableRandom(0x5EC7_10_00L + seed);
      StringBuilder b = new StringBuilder(words * 8);
      int written = 0;
      int paragraph = 0;
      while (written < words) {
        if (paragraph == 2) {
          for (int item = 0; item < 3 && written < words; item++) {
            b.append("- ");
            written += sentence(b, rnd, 6 + rnd.nextInt(5));
            b.append('\n');
          }
          b.append('\n');
        } else {
          int sentences = 3 + rnd.nextInt(3);
          for (int s = 0; s < sentences && written < words; s++) {
            written += sentence(b, rnd, 8 + rnd.nextInt(12));
            b.append(' ');
          }
          if (paragraph == 1) {
            b.append("See [the roundtable notes](https://example.org/notes/").append(seed).append("). ");
            written += 3;
          }
          b.setLength(b.length() - 1);
          b.append("\n\n");
        }
        paragraph++;
      }
      return b.toString().strip();
    }

    private static int sentence(StringBuilder b, SplittableRandom rnd, int n) {
      for (int i = 0; i < n; i++) {
        String w = WORDS[rnd.nextInt(WORDS.length)];
        if (i == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        int style = rnd.nextInt(40);
        if (style == 0) w = "**" + w + "**";
        else if (style == 1) w = "*" + w + "*";
        b.append(w).append(i == n - 1 ? "." : " ");
      }
      return n;
    }
  }

  /** A request signed in with the token in PLENARY_TOKEN (Plenary requires sign-in). */
  static HttpRequest.Builder req(String url) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    String token = System.getenv("PLENARY_TOKEN");
    return token == null || token.isBlank() ? b : b.header("Authorization", "Bearer " + token);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage();
      }
      m.put(args[i].substring(2), args[++i]);
    }
    return m;
  }

  static String require(Map<String, String> opt, String key) {
    String v = opt.get(key);
    if (v == null) {
      System.err.println("missing --" + key);
      usage();
    }
    return v;
  }

  static int intOpt(Map<String, String> opt, String key, int dflt) {
    return opt.containsKey(key) ? Integer.parseInt(opt.get(key)) : dflt;
  }

  static void usage() {
    System.err.println(
        "usage: java bench/SaveLoad.java setup|saves|contend --base http://127.0.0.1:PORT ..."
            + " (see the comment at the top of bench/SaveLoad.java)");
    System.exit(2);
  }
}
