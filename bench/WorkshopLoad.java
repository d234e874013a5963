/*
 * Plenary workshop load generator: a single-file Java 17 program, run as
 * `java bench/WorkshopLoad.java`. No libraries beyond the JDK. Used by bench/run-workshop; see
 * bench/README.md.
 *
 *   java bench/WorkshopLoad.java --instances URL,URL --admin-password P [--participants 200]
 *        [--groups 20] [--proposals 5] [--think-ms 1000] [--warmup 10] [--duration 60]
 *        [--subscribers 200] [--label NAME]
 *
 * Sets up one paper as in a plenary session: a workshop with G breakout groups, each writing its
 * own section, and P proposals everyone may endorse; N participants join through an invitation
 * (local accounts), each assigned to a group, half of them using the first instance and half the
 * second. Every participant keeps a live stream (SSE) of the paper open on its instance, and acts
 * about once per think time (uniformly random between 0 and twice --think-ms; 0: no pause):
 *   40 % read the outline; 30 % save their group's section (GET for the ETag, PUT with If-Match,
 *   again after a 412 until it lands); 15 % comment on their section; 15 % take a stance on a
 *   random proposal.
 * Then it checks that no acknowledged save was lost (each section's current revision = 1 + every
 * save acknowledged for it, plus at most the saves whose PUT got no answer, which may have landed)
 * and that every stream received every save (fan-out across instances).
 *
 * "save" is one save until it lands (GET and PUT again after each 412); "put" is every single PUT.
 * Prints key=value lines (latencies in milliseconds) for the script to tabulate; progress on
 * stderr. Latencies are per request (send to complete body), counted inside the window
 * [start + warmup, start + warmup + duration). Event lag is the time from a save's commit (the
 * event's "at") to its arrival on a stream, both read on this machine's clock.
 */

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class WorkshopLoad {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  static String[] instances;
  static String adminPassword;
  static int participants = 200;
  static int groups = 20;
  static int proposals = 5;
  static int thinkMs = 1000;
  static int warmup = 10;
  static int duration = 60;
  static int subscribers = -1;
  static String label = "run";

  /** Latencies (µs) per operation, inside the window; errors per operation (whole run). */
  static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

  static final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  static final AtomicLong conflicts = new AtomicLong();
  static final Map<Long, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
  /** PUTs per section that got no answer (timed out, connection cut): each may or may not land. */
  static final Map<Long, AtomicInteger> unansweredPuts = new ConcurrentHashMap<>();
  static final List<Long> eventLagMicros = java.util.Collections.synchronizedList(new ArrayList<>());
  static volatile long windowStart;
  static volatile long windowEnd;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--instances" -> instances = v.split(",");
        case "--admin-password" -> adminPassword = v;
        case "--participants" -> participants = Integer.parseInt(v);
        case "--groups" -> groups = Integer.parseInt(v);
        case "--proposals" -> proposals = Integer.parseInt(v);
        case "--think-ms" -> thinkMs = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--duration" -> duration = Integer.parseInt(v);
        case "--subscribers" -> subscribers = Integer.parseInt(v);
        case "--label" -> label = v;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (instances == null || adminPassword == null) {
      throw new IllegalArgumentException("--instances and --admin-password are required");
    }
    if (subscribers < 0) {
      subscribers = participants;
    }
    groups = Math.min(groups, participants);

    // ---- Setup, through the first instance ----
    String base = instances[0];
    String admin = json(send(base, "POST", "/api/auth/sign-in", null,
        "{\"handle\":\"admin\",\"password\":\"" + adminPassword + "\"}"), "token");
    long paper = Long.parseLong(json(send(base, "POST", "/api/papers", admin,
        "{\"title\":\"Workshop load " + label + "\",\"language\":\"en\"}"), "id"));
    String p = "/api/papers/" + paper;
    long[] groupSections = new long[groups];
    for (int g = 0; g < groups; g++) {
      groupSections[g] = Long.parseLong(json(send(base, "POST", p + "/sections", admin,
          "{\"heading\":\"Group " + (g + 1) + " findings\",\"kind\":\"NARRATIVE\",\"body\":\""
              + prose(g, 0) + "\"}"), "id"));
    }
    long[] proposalIds = new long[proposals];
    for (int i = 0; i < proposals; i++) {
      proposalIds[i] = Long.parseLong(json(send(base, "POST", p + "/sections", admin,
          "{\"heading\":\"Proposal " + (i + 1) + "\",\"kind\":\"PROPOSAL\",\"body\":\""
              + prose(i, 1) + "\"}"), "id"));
    }
    long workshop = Long.parseLong(json(send(base, "POST", p + "/workshops", admin,
        "{\"title\":\"Plenary session\",\"startsAt\":\"2026-12-03T09:00:00\","
            + "\"endsAt\":\"2026-12-03T12:00:00\",\"timeZone\":\"UTC\"}"), "id"));
    String invitation = json(send(base, "POST", p + "/invitations", admin,
        "{\"role\":\"CONTRIBUTOR\",\"maxUses\":1000}"), "token");
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    String[] tokens = new String[participants];
    long[] accountIds = new long[participants];
    for (int i = 0; i < participants; i++) {
      String session = send(base, "POST", "/api/invitations/" + invitation + "/sign-up", null,
          "{\"handle\":\"w" + run + "p" + i + "\",\"displayName\":\"Participant " + i
              + "\",\"password\":\"a long enough passphrase " + i + "\"}");
      tokens[i] = json(session, "token");
      accountIds[i] = Long.parseLong(jsonAfter(session, "account", "id"));
    }
    for (int g = 0; g < groups; g++) {
      long group = Long.parseLong(json(send(base, "POST", p + "/workshops/" + workshop + "/groups",
          admin, "{\"name\":\"Group " + (g + 1) + "\"}"), "id"));
      StringBuilder members = new StringBuilder();
      for (int i = g; i < participants; i += groups) {
        members.append(members.length() == 0 ? "" : ",").append(accountIds[i]);
      }
      send(base, "PUT", p + "/workshops/" + workshop + "/groups/" + group + "/members", admin,
          "{\"accountIds\":[" + members + "]}");
      send(base, "PUT", p + "/workshops/" + workshop + "/groups/" + group + "/sections", admin,
          "{\"sectionIds\":[" + groupSections[g] + "]}");
    }
    for (long s : groupSections) {
      acknowledged.put(s, new AtomicInteger());
      unansweredPuts.put(s, new AtomicInteger());
    }
    log("set up paper %d: %d groups, %d proposals, %d participants on %d instances",
        paper, groups, proposals, participants, instances.length);

    // ---- Streams ----
    AtomicBoolean stop = new AtomicBoolean();
    List<Stream> streams = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      Stream s = new Stream(instances[i % instances.length] + p + "/events", tokens[i], i % 10 == 0);
      streams.add(s);
      s.start();
    }
    for (Stream s : streams) {
      s.open.await();
    }
    log("%d streams open", streams.size());

    // ---- Participants ----
    long start = System.nanoTime();
    windowStart = start + warmup * 1_000_000_000L;
    windowEnd = windowStart + duration * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(participants);
    for (int i = 0; i < participants; i++) {
      int me = i;
      Thread t = new Thread(() -> {
        try {
          participate(me, instances[me % instances.length], p, tokens[me],
              groupSections[me % groups], proposalIds, stop);
        } finally {
          done.countDown();
        }
      }, "participant-" + i);
      t.setDaemon(true);
      t.start();
    }
    while (System.nanoTime() < windowEnd) {
      Thread.sleep(1000);
      long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
      if (elapsed % 10 == 0) {
        log("%d s", elapsed);
      }
    }
    stop.set(true);
    done.await();

    // ---- Checks ----
    // An acknowledged save missing, or more revisions than saves that were acknowledged or went
    // unanswered, is a lost (or invented) update; an unanswered save that landed is not.
    long lost = 0;
    long landedUnanswered = 0;
    long savesAcked = 0;
    for (long s : groupSections) {
      int acked = acknowledged.get(s).get();
      int unanswered = unansweredPuts.get(s).get();
      savesAcked += acked;
      String content = send(base, "GET", p + "/sections/" + s + "/content", admin, null);
      int current = Integer.parseInt(json(content, "revision"));
      int extra = current - 1 - acked;
      if (extra < 0 || extra > unanswered) {
        log("section %d: revision %d but %d saves acknowledged and %d unanswered", s, current,
            acked, unanswered);
        lost += extra < 0 ? -extra : extra - unanswered;
      }
      landedUnanswered += Math.max(0, Math.min(extra, unanswered));
    }
    Thread.sleep(3000); // let the last events arrive
    stop.set(true);
    long missing = 0;
    for (Stream s : streams) {
      missing += Math.max(0, savesAcked - s.saves.get());
      s.close();
    }

    // ---- Results ----
    double seconds = duration;
    System.out.printf(Locale.ROOT, "label=%s%n", label);
    System.out.printf(Locale.ROOT, "participants=%d%ninstances=%d%nthink_ms=%d%nstreams=%d%n",
        participants, instances.length, thinkMs, streams.size());
    long total = 0;
    for (String op : List.of("outline", "save", "put", "comment", "endorse")) {
      List<Long> l = new ArrayList<>(latencies.getOrDefault(op, List.of()));
      long[] v = l.stream().mapToLong(Long::longValue).sorted().toArray();
      total += op.equals("put") ? 0 : v.length; // a PUT is part of a save
      System.out.printf(Locale.ROOT, "%s_count=%d%n%s_per_s=%.1f%n%s_p50=%.1f%n%s_p95=%.1f%n%s_p99=%.1f%n%s_errors=%d%n",
          op, v.length, op, v.length / seconds, op, pct(v, 50), op, pct(v, 95), op, pct(v, 99),
          op, errors.getOrDefault(op, new AtomicLong()).get());
    }
    long[] lag;
    synchronized (eventLagMicros) {
      lag = eventLagMicros.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    System.out.printf(Locale.ROOT, "total_per_s=%.1f%n", total / seconds);
    System.out.printf(Locale.ROOT, "conflicts_412=%d%n", conflicts.get());
    System.out.printf(Locale.ROOT, "saves_acknowledged=%d%n", savesAcked);
    System.out.printf(Locale.ROOT, "lost_updates=%d%n", lost);
    System.out.printf(Locale.ROOT, "landed_unanswered=%d%n", landedUnanswered);
    System.out.printf(Locale.ROOT, "events_missing=%d%n", missing);
    System.out.printf(Locale.ROOT, "event_lag_p50=%.1f%nevent_lag_p99=%.1f%n", pct(lag, 50), pct(lag, 99));
    long errorTotal = errors.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf(Locale.ROOT, "errors=%d%n", errorTotal);
  }

  static void participate(int me, String base, String p, String token, long section,
      long[] proposalIds, AtomicBoolean stop) {
    SplittableRandom random = new SplittableRandom(me * 7919L + 17);
    int n = 0;
    while (!stop.get()) {
      if (thinkMs > 0) {
        sleep(random.nextInt(2 * thinkMs + 1));
        if (stop.get()) {
          break;
        }
      }
      int dice = random.nextInt(100);
      int turn = ++n;
      if (dice < 40) {
        timed("outline", () -> expect(request(base, "GET", p + "/sections", token, null, null), 200));
      } else if (dice < 70) {
        String body = prose(me, turn) + " Participant " + me + ", edit " + turn + ".";
        timed("save", () -> {
          for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> current =
                request(base, "GET", p + "/sections/" + section + "/content", token, null, null);
            expect(current, 200);
            String etag = current.headers().firstValue("ETag").orElseThrow();
            long put0 = System.nanoTime();
            HttpResponse<String> saved;
            try {
              saved = request(base, "PUT", p + "/sections/" + section + "/content",
                  token, "{\"body\":\"" + body + "\"}", etag);
            } catch (java.io.IOException unanswered) {
              // Timed out or cut off: the save may still land, which the checks allow for.
              unansweredPuts.get(section).incrementAndGet();
              throw unanswered;
            }
            record("put", put0, System.nanoTime());
            if (saved.statusCode() == 200) {
              acknowledged.get(section).incrementAndGet();
              return;
            }
            if (saved.statusCode() != 412) {
              throw new IllegalStateException("save answered " + saved.statusCode());
            }
            conflicts.incrementAndGet();
          }
          throw new IllegalStateException("a save did not land after 100 attempts");
        });
      } else if (dice < 85) {
        timed("comment", () -> expect(request(base, "POST",
            p + "/sections/" + section + "/comments", token,
            "{\"body\":\"A remark from participant " + me + " (" + turn + ").\"}", null), 201));
      } else {
        long proposal = proposalIds[random.nextInt(proposalIds.length)];
        String stance = random.nextInt(4) == 0
            ? "{\"stance\":\"OBJECT\",\"statement\":\"Needs a budget line.\"}"
            : "{\"stance\":\"ENDORSE\"}";
        timed("endorse", () -> expect(request(base, "PUT",
            p + "/sections/" + proposal + "/endorsement", token, stance, null), 200));
      }
    }
  }

  interface Op {
    void run() throws Exception;
  }

  static void timed(String op, Op work) {
    long t0 = System.nanoTime();
    try {
      work.run();
    } catch (Exception e) {
      errors.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
      if (errors.get(op).get() <= 3) {
        log("%s failed: %s", op, e.getMessage());
      }
      return;
    }
    record(op, t0, System.nanoTime());
  }

  /** Counts one latency if it ended inside the measurement window. */
  static void record(String op, long t0, long t1) {
    if (t1 >= windowStart && t1 < windowEnd) {
      latencies.computeIfAbsent(op, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add((t1 - t0) / 1000);
    }
  }

  /**
   * One participant's live stream: counts the saves it hears and (one stream in ten) how late they
   * arrive. A plain socket and a byte scan rather than java.net.http and lines: 200 streams of a
   * busy room are tens of thousands of events a second, and the load generator shares the machine
   * with what it measures.
   */
  static final class Stream extends Thread {
    static final byte[] SAVED = "event: section.saved\n".getBytes(StandardCharsets.US_ASCII);
    final URI uri;
    final String token;
    /** Whether this stream measures event lag (one in ten: parsing costs the client CPU). */
    final boolean measures;
    final CountDownLatch open = new CountDownLatch(1);
    final AtomicLong saves = new AtomicLong();
    volatile java.net.Socket socket;

    Stream(String url, String token, boolean measures) {
      super("stream");
      setDaemon(true);
      this.uri = URI.create(url);
      this.token = token;
      this.measures = measures;
    }

    @Override
    public void run() {
      try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
        socket = s;
        s.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
            + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        byte[] buf = new byte[65536];
        int keep = 0; // bytes carried over from the previous read (a frame split between reads)
        boolean headers = true;
        int n;
        while ((n = in.read(buf, keep, buf.length - keep)) > 0) {
          int len = keep + n;
          String text = null;
          if (headers) {
            text = new String(buf, 0, len, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 200")) {
              throw new IllegalStateException("stream answered " + text.lines().findFirst().orElse(""));
            }
            headers = false;
          }
          if (open.getCount() > 0 && indexOf(buf, 0, len, "event: hello".getBytes(StandardCharsets.US_ASCII)) >= 0) {
            open.countDown();
          }
          int from = 0;
          int at;
          int lastEnd = 0;
          while ((at = indexOf(buf, from, len, SAVED)) >= 0) {
            saves.incrementAndGet();
            from = at + SAVED.length;
            lastEnd = from;
            if (measures) {
              measure(buf, from, len);
            }
          }
          // Keep the tail that might hold the start of a split marker.
          keep = Math.min(SAVED.length, len - lastEnd);
          System.arraycopy(buf, len - keep, buf, 0, keep);
        }
      } catch (Exception e) {
        if (socket != null && socket.isClosed()) {
          return; // closed at the end
        }
        log("stream failed: %s", e.getMessage());
      } finally {
        open.countDown();
      }
    }

    private static void measure(byte[] buf, int from, int len) {
      long now = System.nanoTime();
      if (now < windowStart || now >= windowEnd) {
        return;
      }
      int lineEnd = from;
      while (lineEnd < len && buf[lineEnd] != '\n') {
        lineEnd++;
      }
      Matcher at = AT.matcher(new String(buf, from, lineEnd - from, StandardCharsets.UTF_8));
      if (at.find()) {
        Instant when = Instant.parse(at.group(1));
        eventLagMicros.add(Duration.between(when, Instant.now()).toNanos() / 1000);
      }
    }

    static int indexOf(byte[] buf, int from, int len, byte[] what) {
      outer:
      for (int i = from; i <= len - what.length; i++) {
        for (int j = 0; j < what.length; j++) {
          if (buf[i + j] != what[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (Exception ignored) {
        // done
      }
    }
  }

  static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

  static String send(String base, String method, String path, String token, String body)
      throws Exception {
    HttpResponse<String> r = request(base, method, path, token, body, null);
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": "
          + r.body());
    }
    return r.body();
  }

  static HttpResponse<String> request(String base, String method, String path, String token,
      String body, String ifMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException("answered " + r.statusCode() + " not " + status);
    }
  }

  static String json(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9]+))").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + body);
    }
    return m.group(2) != null ? m.group(2) : m.group(3);
  }

  static String jsonAfter(String body, String after, String field) {
    int at = body.indexOf("\"" + after + "\"");
    return json(at < 0 ? body : body.substring(at), field);
  }

  static final String[] WORDS = ("communities conflict prevention technology platforms data "
      + "accountability peacebuilding early warning civil society trust safety dialogue "
      + "inclusion local partners evidence mediation governance risk").split(" ");

  /** About 60 words of prose-like text, different for each (who, n). */
  static String prose(int who, int n) {
    SplittableRandom r = new SplittableRandom(who * 31L + n);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
      if (i % 12 == 11) {
        sb.append('.');
      }
    }
    return sb.append('.').toString();
  }

  static double pct(long[] sortedMicros, int p) {
    if (sortedMicros.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, i))] / 1000.0;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[workshop-load] " + format + "%n", args);
  }
}
