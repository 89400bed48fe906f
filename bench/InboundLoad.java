import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Issue 9's benchmarks 1-4 in one run of the packaged jar against the machine's real PostgreSQL and Redis (a database
 * and a Redis namespace of its own, removed at the end), scripted mode (no chat model), with this process as the load
 * generator (or wrk, in a process of its own, with requests signed here beforehand: WRK=/path/to/wrk) and the
 * loopback fake Twilio API:
 * 1. inbound SMS webhook throughput and latency, signed, unique MessageSids, 10,000 participants, closed loop;
 *    then a trivial endpoint (GET /actuator/health/liveness) the same way, and the ratio;
 * 2. the duplicate path: the same signed requests delivered again;
 * 3. end to end at a fixed rate: from sending a first message to its reply reaching the fake Twilio API;
 * 4. Redis bytes per in-progress session (MEMORY USAGE of every session key) and the service's heap after GC.
 *
 * Usage (bench/inbound-load.sh does this): java -cp CLASSPATH bench/InboundLoad.java JAR [seconds] [connections]
 *     [e2e-rate] [sessions]
 */
public class InboundLoad {

	static final String TOKEN = "bench-auth-token";

	static final String ACCOUNT = "AC00000000000000000000000000000bench";

	static final String PUBLIC = "https://voices.example.test";

	static final String PATH = "/webhooks/twilio/sms";

	/** When each e2e number's message was due to be sent, and when its first reply reached the fake Twilio API. */
	static final Map<String, Long> e2eSent = new ConcurrentHashMap<>();

	static final Recorder e2eLatency = new Recorder(3);

	static final AtomicLong repliesAccepted = new AtomicLong();

	/** The most messages a second wrk's request file is written for; beyond it wrk repeats them (and says so). */
	static final int MAX_RATE = 5_000;

	static final String LONG_ANSWER = "I would like more say in what the council plans for our town";

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
		int e2eRate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
		int sessions = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
		String adminUrl = env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
		String dbUser = env("DATABASE_USERNAME", "postgres");
		String redisUrl = env("REDIS_URL", "redis://127.0.0.1:6379");
		String run = "bench_" + Long.toString(System.currentTimeMillis(), 36);

		String wrk = env("WRK", "");
		Path requests = Path.of("target", "inbound-load").toAbsolutePath();
		if (!wrk.isEmpty() && seconds > 0) {
			// Signed before the service starts, so that signing competes with nothing measured. The same numbering as
			// the Java generator's: message i from +4477009(i mod 10,000), "Hi" first, then a longer answer.
			Files.createDirectories(requests);
			Files.deleteIfExists(Path.of("target", "inbound-load-wrk.log"));
			writeRequests(requests.resolve("unique.tsv"), (10 + seconds) * MAX_RATE);
		}

		// The JDK server otherwise leaves Nagle on: each small response then waits ~40 ms for the client's delayed
		// ACK, which holds every reply the service sends.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
		twilio.createContext("/", exchange -> {
			long now = System.nanoTime();
			String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String to = field(form, "To");
			Long due = to == null ? null : e2eSent.remove(to);
			if (due != null) {
				e2eLatency.recordValue(Math.max(0, (now - due) / 1000));
			}
			byte[] body = ("{\"sid\": \"SM" + UUID.randomUUID().toString().replace("-", "")
					+ "\", \"status\": \"queued\", \"num_segments\": \"1\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(201, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			repliesAccepted.incrementAndGet();
		});
		twilio.setExecutor(Executors.newFixedThreadPool(8));
		twilio.start();

		sql(adminUrl, dbUser, "CREATE DATABASE " + run);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("cv-bench");
		List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
		if (System.getenv("PROFILE") != null) {
			command.add("-XX:StartFlightRecording=filename=" + Path.of("target", "inbound-load.jfr").toAbsolutePath()
					+ ",settings=profile");
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--covenant.data-dir=" + data,
				// The benchmark's numbers send 10,000 messages a minute from 10,000 people: lift the flood cap.
				"--covenant.channels.inbound.per-address-per-minute=600",
				"--covenant.channels.inbound.per-address-burst=100",
				// The fake provider takes what it is given: an account whose MPS suits 500 replies a second. Left at
				// the default 10 segments a second, replies queued for minutes and end to end measured the queue.
				"--covenant.channels.rates.sms=" + Integer.getInteger("smsRate", 1000),
				"--covenant.channels.bursts.sms=" + Integer.getInteger("smsBurst", 20),
				"--covenant.channels.outbox.workers=" + Integer.getInteger("workers", 8)));
		// Extra arguments for the service, e.g. to compare a setting: SERVICE_ARGS="--some.property=value"
		String extra = System.getenv("SERVICE_ARGS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.strip().split("\\s+")));
		}
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.put("DATABASE_URL", withDatabase(adminUrl, run));
		env.put("DATABASE_USERNAME", dbUser);
		env.put("REDIS_URL", redisUrl);
		env.put("REDIS_NAMESPACE", run);
		env.put("PRIVACY_KEY", "bench-privacy-key-0123456789abcdefghijklmnopq");
		env.put("ADMIN_PASSWORD", "bench-admin-password");
		env.put("PUBLIC_BASE_URL", PUBLIC);
		env.put("TWILIO_ACCOUNT_SID", ACCOUNT);
		env.put("TWILIO_AUTH_TOKEN", TOKEN);
		env.put("TWILIO_FROM", "+447700900001");
		env.put("TWILIO_API_BASE_URL", "http://127.0.0.1:" + twilio.getAddress().getPort());
		env.put("SMS_SEGMENTS_PER_SECOND", "5000");
		env.remove("LLM_BASE_URL");
		Path log = Path.of("target", "inbound-load-service.log").toAbsolutePath();
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Process service = builder.start();
		String base = "http://127.0.0.1:" + port;
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(4))
			.connectTimeout(Duration.ofSeconds(5)).build();
		try {
			waitUntilReady(http, base);
			System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
					Files.readString(Path.of("/proc/loadavg")).strip());
			System.out.printf("service ready (log: %s); database %s, Redis namespace %s%n", log, run, run);

			// 3 first, on an empty outbox: a first message from a new number at a fixed rate, timed to its reply's
			// arrival at the fake Twilio API (the throughput run below leaves a backlog that would queue ahead of it).
			if (e2eRate > 0) { // 0 leaves it out, to compare the webhook alone
				// A freshly started JVM compiles as it goes: -De2eWarmup=N seconds at the same rate first, from other
				// numbers, not counted (0: measure the cold start too).
				int warmUp = Integer.getInteger("e2eWarmup", 10);
				if (warmUp > 0) {
					endToEnd(http, base, e2eRate, warmUp, "+4475009", "   warm-up (not counted)");
					waitForBacklog(adminUrl, run, dbUser);
					e2eSent.clear();
				}
				Timestamp measuredFrom = new Timestamp(System.currentTimeMillis());
				Duration cpuBefore = service.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
				endToEnd(http, base, e2eRate, 30, "+4477009", "3. end to end");
				waitForBacklog(adminUrl, run, dbUser);
				Duration cpu = service.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
				System.out.printf("   service CPU: %.1f s for %d messages = %.2f ms a message (in, turn, reply out)%n",
						cpu.toMillis() / 1000.0, e2eRate * 30, cpu.toNanos() / 1e6 / (e2eRate * 30));
				whereTheTimeWent(adminUrl, run, dbUser, measuredFrom);
			}

			// 1. unique messages over 10,000 participants; the first 10 s warm up the JIT and are not counted.
			if (!wrk.isEmpty() && seconds > 0) {
				System.out.printf("   load generator: %s, %d threads, %d connections (output in %s)%n", wrk,
						wrkThreads(connections), connections, Path.of("target", "inbound-load-wrk.log").toAbsolutePath());
				// One file for all: the measured run continues where the warm-up stopped, as the Java generator's counter
				// does (first messages from the numbers the warm-up did not reach, then answers), and the duplicate run
				// repeats what both delivered, less what each connection had in flight at the end.
				String url = base + PATH;
				String file = requests.resolve("unique.tsv").toString();
				WrkResult warmUp = withWrk(wrk, "warm-up (not counted)", url, 10, connections, "signed.lua", file);
				WrkResult inbound = withWrk(wrk, "1. inbound SMS webhook, unique MessageSids", url, seconds, connections,
						"signed.lua", file, String.join(",", warmUp.sent));
				WrkResult trivial = withWrk(wrk, "   trivial endpoint GET /actuator/health/liveness",
						base + "/actuator/health/liveness", Math.min(seconds, 20), connections, "report.lua");
				System.out.printf("   inbound / trivial = %.0f%%%n", 100.0 * inbound.perSecond / trivial.perSecond);

				// 2. every request again: Twilio retrying what was already stored.
				int perThread = connections / wrkThreads(connections);
				List<String> repeat = new ArrayList<>();
				for (int t = 0; t < warmUp.sent.size(); t++) {
					repeat.add(Long.toString(Math.max(0, Long.parseLong(warmUp.sent.get(t))
							+ Long.parseLong(inbound.sent.get(t)) - perThread)));
				}
				withWrk(wrk, "2. duplicate deliveries (same MessageSids again)", url, Math.min(seconds, 20), connections,
						"signed.lua", file, "-", String.join(",", repeat));
			}
			AtomicInteger counter = new AtomicInteger();
			List<HttpRequest> delivered = new ArrayList<>();
			IntFunction<HttpRequest> unique = i -> {
				HttpRequest r = signed(base, String.format("+4477009%05d", i % 10_000), i % 10_000 < 10_000 && i < 10_000
						? "Hi" : LONG_ANSWER);
				if (i < 20_000) {
					synchronized (delivered) {
						delivered.add(r);
					}
				}
				return r;
			};
			if (wrk.isEmpty() && seconds > 0) {
			closedLoop("warm-up (not counted)", http, 10, connections, i -> unique.apply(counter.getAndIncrement()), 200);
			Result inbound = closedLoop("1. inbound SMS webhook, unique MessageSids", http, seconds, connections,
					i -> unique.apply(counter.getAndIncrement()), 200);
			Result trivial = closedLoop("   trivial endpoint GET /actuator/health/liveness", http, Math.min(seconds, 20),
					connections, i -> HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build(),
					200);
			System.out.printf("   inbound / trivial = %.0f%%%n", 100.0 * inbound.perSecond / trivial.perSecond);

			// 2. every request again: Twilio retrying what was already stored.
			AtomicInteger again = new AtomicInteger();
			closedLoop("2. duplicate deliveries (same MessageSids again)", http, Math.min(seconds, 20), connections,
					i -> delivered.get(again.getAndIncrement() % delivered.size()), 200);
			}


			// 4. memory, with the sessions the runs above left in progress (and more, if asked).
			if (sessions > 10_000) {
				AtomicInteger more = new AtomicInteger();
				closedLoop("   creating sessions for the memory figure", http, 100_000, connections, i -> {
					int n = more.getAndIncrement();
					return n < sessions ? signed(base, String.format("+447400%06d", n), "Hi") : null;
				}, 200);
				waitForBacklog(adminUrl, run, dbUser);
			}
			memory(redisUrl, run, service.pid());
		}
		catch (Exception e) {
			System.out.println("the benchmark failed: " + e);
			e.printStackTrace(System.out);
		}
		finally {
			service.destroy();
			service.waitFor();
			twilio.stop(0);
			dropRedis(redisUrl, run);
			sql(adminUrl, dbUser, "DROP DATABASE IF EXISTS " + run + " WITH (FORCE)");
			System.exit(0);
		}
	}

	record Result(double perSecond, Histogram latency) {
	}

	/** Requests a second, and how many lines of the request file each of wrk's threads sent. */
	record WrkResult(double perSecond, List<String> sent) {
	}

	static int wrkThreads(int connections) {
		return Math.min(2, connections);
	}

	/**
	 * As many requests as {@code connections} of wrk's connections can send, each waiting for its answer, for a time;
	 * printed as {@link #closedLoop} prints. The script (in bench/wrk) gets the first argument, wrk's thread count,
	 * then the others.
	 * A generous timeout, since wrk leaves requests that time out out of its latencies.
	 */
	static WrkResult withWrk(String wrk, String name, String url, int seconds, int connections, String script,
			String... args) throws Exception {
		int threads = wrkThreads(connections);
		List<String> command = new ArrayList<>(List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
				"--timeout", "30s", "--latency", "-s", script, url));
		if (args.length > 0) {
			command.add("--");
			command.add(args[0]);
			command.add(Integer.toString(threads));
			command.addAll(List.of(args).subList(1, args.length));
		}
		Process p = new ProcessBuilder(command).directory(Path.of("bench", "wrk").toFile()).redirectErrorStream(true)
			.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = p.waitFor();
		Files.writeString(Path.of("target", "inbound-load-wrk.log"), "$ " + String.join(" ", command) + "\n" + out,
				StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		Map<String, String> r = new LinkedHashMap<>();
		out.lines().filter(line -> line.startsWith("wrk-result ")).findFirst().ifPresent(line -> {
			for (String pair : line.substring("wrk-result ".length()).split(" ")) {
				int eq = pair.indexOf('=');
				r.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		});
		if (exit != 0 || r.isEmpty()) {
			throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + out);
		}
		long requests = Long.parseLong(r.get("requests"));
		double took = Long.parseLong(r.get("duration_us")) / 1e6;
		double rate = requests / took;
		String wrapped = r.getOrDefault("wrapped", "0");
		System.out.printf("%s: %d requests in %.1f s = %.0f/s; latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, "
				+ "max %.1f ms; %s status >= 400, %s socket errors%s%n", name, requests, took, rate,
				Long.parseLong(r.get("p50_us")) / 1000.0, Long.parseLong(r.get("p99_us")) / 1000.0,
				Long.parseLong(r.get("p999_us")) / 1000.0, Long.parseLong(r.get("max_us")) / 1000.0,
				r.get("status_errors"), r.get("socket_errors"),
				// the duplicate run cycles on purpose; elsewhere it means the file ran out (raise MAX_RATE)
				args.length > 2 || "0".equals(wrapped) ? "" : "; ran out of requests " + wrapped + " times, repeating them");
		String sent = r.getOrDefault("sent", "");
		return new WrkResult(rate, sent.isEmpty() ? List.of() : List.of(sent.split(",")));
	}

	/** Writes {@code count} signed messages, "signature TAB form body" a line. */
	static void writeRequests(Path file, int count) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				Map<String, String> params = message(String.format("+4477009%05d", i % 10_000),
						i < 10_000 ? "Hi" : LONG_ANSWER);
				out.write(signature(PUBLIC + PATH, params));
				out.write('\t');
				out.write(form(params));
				out.write('\n');
			}
		}
	}

	/** As many requests as {@code connections} clients can send, each waiting for its answer, for a time. */
	static Result closedLoop(String name, HttpClient http, int seconds, int connections, IntFunction<HttpRequest> next,
			int expected) throws Exception {
		Recorder recorder = new Recorder(3);
		AtomicLong done = new AtomicLong();
		AtomicLong unexpected = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		List<Future<?>> clients = new ArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < connections; c++) {
			clients.add(pool.submit(() -> {
				int i = 0;
				while (System.nanoTime() < end) {
					HttpRequest request = next.apply(i++);
					if (request == null) {
						return null;
					}
					long t = System.nanoTime();
					HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
					recorder.recordValue((System.nanoTime() - t) / 1000);
					if (response.statusCode() != expected) {
						unexpected.incrementAndGet();
					}
					done.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> client : clients) {
			client.get();
		}
		pool.shutdown();
		double took = (System.nanoTime() - start) / 1e9;
		Histogram h = recorder.getIntervalHistogram();
		double rate = done.get() / took;
		System.out.printf("%s: %d requests in %.1f s = %.0f/s; latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, "
				+ "max %.1f ms; %d not %d%n", name, done.get(), took, rate, h.getValueAtPercentile(50) / 1000.0,
				h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
				unexpected.get(), expected);
		return new Result(rate, h);
	}

	/**
	 * Open loop: a message is due every 1/rate s whatever the answers do, and its latency counts from when it was due,
	 * so a sender that fell behind (queueing) shows in the figure rather than hiding it. 64 senders share the schedule.
	 */
	static void endToEnd(HttpClient http, String base, int rate, int seconds, String prefix, String label)
			throws Exception {
		int total = rate * seconds;
		long intervalNanos = 1_000_000_000L / rate;
		long start = System.nanoTime() + 100_000_000L;
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		ExecutorService senders = Executors.newFixedThreadPool(64);
		List<Future<?>> running = new ArrayList<>();
		for (int s = 0; s < 64; s++) {
			running.add(senders.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < total) {
					long due = start + i * intervalNanos;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
					String number = prefix + String.format("%05d", 10_000 + i % 90_000);
					e2eSent.put(number, due);
					if (http.send(signed(base, number, "Hi"), HttpResponse.BodyHandlers.discarding())
						.statusCode() != 200) {
						refused.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> f : running) {
			f.get();
		}
		senders.shutdown();
		double sendingTook = (System.nanoTime() - start) / 1e9;
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!e2eSent.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Histogram h = e2eLatency.getIntervalHistogram();
		System.out.printf("%s at %d msg/s for %d s (sent in %.1f s): %d replies timed, %d missing, %d refused; "
				+ "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n", label, rate, seconds, sendingTook,
				h.getTotalCount(), e2eSent.size(), refused.get(), h.getValueAtPercentile(50) / 1000.0,
				h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
	}

	/**
	 * Where end to end's time went, from the service's own timestamps (each is its transaction's start): stored to
	 * processed (the conversation turn), processed to handed to the provider (the outbox), for each first reply.
	 */
	static void whereTheTimeWent(String adminUrl, String run, String user, Timestamp from) throws Exception {
		try (Connection c = DriverManager.getConnection(withDatabase(adminUrl, run), user, "");
				var s = c.prepareStatement("""
					WITH firsts AS (
					    SELECT DISTINCT ON (o.participant_id) o.created_at - i.received_at AS turn,
					        o.handed_at - o.created_at AS outbox
					    FROM outbound_messages o JOIN inbound_messages i ON i.id = o.in_reply_to
					    WHERE o.handed_at IS NOT NULL AND i.received_at >= ? ORDER BY o.participant_id, o.id)
					SELECT count(*),
					    percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM turn)),
					    percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM outbox))
					FROM firsts""")) {
			s.setTimestamp(1, from);
			var rs = s.executeQuery();
			rs.next();
			Double[] turn = (Double[]) rs.getArray(2).getArray();
			Double[] outbox = (Double[]) rs.getArray(3).getArray();
			System.out.printf("   where the time went (%d first replies): stored to turn p50 %.0f ms, p99 %.0f ms; "
					+ "turn to handed over p50 %.0f ms, p99 %.0f ms%n", rs.getLong(1), turn[0] * 1000, turn[1] * 1000,
					outbox[0] * 1000, outbox[1] * 1000);
		}
	}

	/** Waits until the service has processed what it stored and sent what it queued. */
	static void waitForBacklog(String adminUrl, String run, String user) throws Exception {
		long start = System.nanoTime();
		try (Connection c = DriverManager.getConnection(withDatabase(adminUrl, run), user, "");
				Statement s = c.createStatement()) {
			while (System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
				var rs = s.executeQuery("SELECT (SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL) + "
						+ "(SELECT count(*) FROM outbound_messages WHERE status IN ('queued', 'sending'))");
				rs.next();
				if (rs.getLong(1) == 0) {
					break;
				}
				Thread.sleep(500);
			}
		}
		System.out.printf("   backlog drained in %.1f s%n", (System.nanoTime() - start) / 1e9);
	}

	static void memory(String redisUrl, String namespace, long pid) throws Exception {
		long keys = 0;
		long bytes = 0;
		try (UnifiedJedis redis = RedisClient.create(URI.create(redisUrl))) {
			String cursor = ScanParams.SCAN_POINTER_START;
			do {
				ScanResult<String> page = redis.scan(cursor, new ScanParams().match(namespace + ":{p:*}:s").count(1000));
				for (String key : page.getResult()) {
					Long usage = redis.memoryUsage(key);
					if (usage != null) {
						keys++;
						bytes += usage;
					}
				}
				cursor = page.getCursor();
			}
			while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		}
		System.out.printf("4. Redis: %d session keys, MEMORY USAGE total %d bytes = %.0f bytes per session%n", keys,
				bytes, keys == 0 ? 0.0 : (double) bytes / keys);
		run("jcmd", Long.toString(pid), "GC.run");
		String heap = run("jcmd", Long.toString(pid), "GC.heap_info");
		System.out.println("   JVM heap after GC (jcmd GC.heap_info):");
		heap.lines().skip(1).limit(3).forEach(line -> System.out.println("     " + line.strip()));
	}

	static String run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor();
		return out;
	}

	static Map<String, String> message(String from, String body) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
		params.put("AccountSid", ACCOUNT);
		params.put("From", from);
		params.put("To", "+447700900001");
		params.put("Body", body);
		return params;
	}

	static HttpRequest signed(String base, String from, String body) {
		Map<String, String> params = message(from, body);
		return HttpRequest.newBuilder(URI.create(base + PATH))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature(PUBLIC + PATH, params))
			.POST(HttpRequest.BodyPublishers.ofString(form(params)))
			.build();
	}

	static void waitUntilReady(HttpClient http, String base) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not up yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the service did not start; see target/inbound-load-service.log");
	}

	static String field(String form, String name) {
		for (String pair : form.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	static String form(Map<String, String> params) {
		StringBuilder out = new StringBuilder();
		params.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&")
			.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return out.toString();
	}

	static String signature(String url, Map<String, String> params) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static void sql(String url, String user, String statement) throws Exception {
		try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
			s.execute(statement);
		}
	}

	static void dropRedis(String redisUrl, String namespace) {
		try (UnifiedJedis redis = RedisClient.create(URI.create(redisUrl))) {
			String cursor = ScanParams.SCAN_POINTER_START;
			do {
				ScanResult<String> page = redis.scan(cursor, new ScanParams().match(namespace + ":*").count(1000));
				if (!page.getResult().isEmpty()) {
					redis.del(page.getResult().toArray(String[]::new));
				}
				cursor = page.getCursor();
			}
			while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		}
		catch (RuntimeException e) {
			System.out.println("could not remove the Redis keys of " + namespace + ": " + e);
		}
	}

	static String withDatabase(String url, String database) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?', slash);
		return url.substring(0, slash + 1) + database + (query >= 0 ? url.substring(query) : "");
	}

	static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? otherwise : value;
	}
}
