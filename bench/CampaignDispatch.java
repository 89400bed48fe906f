import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Campaign dispatch at provider speed: N invited numbers (default 50,000) sent one campaign by two instances of the
 * packaged jar sharing one PostgreSQL and one Redis, against a loopback fake Twilio API. The limit (default 500
 * messages a second) is configured as 97.5% of it (-Dshare=0.975): a steady rate of 482 and a burst of 5 for 500. The
 * rest is headroom for the few milliseconds between taking the allowance and the request reaching the provider, which
 * on a busy machine bunch arrivals up: at 98% one run in five counted 502 in a sliding second. Prints the duration, the achieved rate as a fraction of the limit, the most messages the fake received in
 * any one-second window, duplicates, and the CPU time of both instances per 10,000 messages.
 *
 * Usage: java bench/CampaignDispatch.java JAR [recipients] [limit] [warm-up recipients]   (campaign-dispatch.sh does this)
 * Needs PostgreSQL and Redis: DATABASE_HOST (127.0.0.1:5432, user postgres, trust) and REDIS_URL (redis://127.0.0.1:6379).
 */
public class CampaignDispatch {

	static final String TOKEN = "bench-auth-token";

	static final String ACCOUNT = "AC00000000000000000000000000000bench";

	static final String ADMIN_PASSWORD = "bench-admin-password";

	record Arrival(long nanos, String to) {
	}

	static final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
		int limit = args.length > 2 ? Integer.parseInt(args[2]) : 500;
		String dbHost = System.getenv().getOrDefault("DATABASE_HOST", "127.0.0.1:5432");
		String redis = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
		String run = "cvbench_campaign_" + System.currentTimeMillis();

		// The JDK server otherwise leaves Nagle on: each small response then waits ~40 ms for the client's delayed
		// ACK, which capped every worker at ~25 sends a second whatever the service did.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		Pattern to = Pattern.compile("(?:^|&)To=([^&]*)");
		twilio.createContext("/", exchange -> {
			long at = System.nanoTime();
			String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Matcher m = to.matcher(form);
			arrivals.add(new Arrival(at, m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "?"));
			byte[] body = ("{\"sid\": \"SM" + UUID.randomUUID().toString().replace("-", "")
					+ "\", \"status\": \"queued\", \"num_segments\": \"1\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(201, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		twilio.setExecutor(Executors.newFixedThreadPool(16));
		twilio.start();

		psql(dbHost, "CREATE DATABASE " + run);
		if (System.getProperty("slowMs") != null) {
			// The server's log then names every statement slower than this, for finding where the time goes.
			psql(dbHost, "ALTER DATABASE " + run + " SET log_min_duration_statement = " + System.getProperty("slowMs"));
		}
		Path data = Files.createTempDirectory("cv-bench-campaign");
		List<Process> instances = new ArrayList<>();
		List<String> bases = new ArrayList<>();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			for (int i = 0; i < 2; i++) {
				int port = freePort();
				List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
				if (System.getProperty("profile") != null) {
					command.add("-XX:StartFlightRecording=filename=" + Path.of("target", "campaign-" + i + ".jfr")
						.toAbsolutePath() + ",settings=profile");
				}
				command.addAll(List.of("-jar", jar.toString(),
						"--server.port=" + port, "--covenant.data-dir=" + data.resolve("i" + i),
						"--covenant.channels.rates.sms=" + (int) (limit * Double.parseDouble(System.getProperty("share", "0.975")) - 5), "--covenant.channels.bursts.sms=5",
						"--covenant.channels.outbox.workers=" + System.getProperty("workers", "12"),
						"--covenant.channels.outbox.batch-size=" + System.getProperty("batch", "20"),
						"--covenant.campaigns.send-from=00:00", "--covenant.campaigns.send-until=23:59:59",
						"--logging.level.org.covenantvoices.channel.courier.Dispatcher=" + System.getProperty("dispatcherLog", "INFO")));
				ProcessBuilder builder = new ProcessBuilder(command);
				Map<String, String> env = builder.environment();
				env.put("DATABASE_URL", "jdbc:postgresql://" + dbHost + "/" + run);
				env.put("DATABASE_USERNAME", "postgres");
				env.put("DATABASE_PASSWORD", "");
				env.put("REDIS_URL", redis);
				env.put("REDIS_NAMESPACE", run);
				env.put("PRIVACY_KEY", "bench-privacy-key-0123456789abcdefghijklmnop");
				env.put("ADMIN_USERNAME", "admin");
				env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
				env.put("PUBLIC_BASE_URL", "https://voices.example.test");
				env.put("TWILIO_ACCOUNT_SID", ACCOUNT);
				env.put("TWILIO_AUTH_TOKEN", TOKEN);
				env.put("TWILIO_FROM", "+447700900001");
				env.put("TWILIO_API_BASE_URL", "http://127.0.0.1:" + twilio.getAddress().getPort());
				builder.redirectErrorStream(true).redirectOutput(data.resolve("instance-" + i + ".log").toFile());
				instances.add(builder.start());
				String base = "http://127.0.0.1:" + port;
				bases.add(base);
				waitUntilReady(http, base); // one at a time: the first runs the migrations
				System.out.printf("instance %d ready at %s%n", i + 1, base);
			}

			int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
			if (warmup > 0) {
				// Instances that have been running a while: their JIT has compiled the sending path, as in production.
				String warm = post(http, bases.get(0) + "/api/campaigns", campaign("Warm-up", "+44771", warmup));
				post(http, bases.get(1) + "/api/campaigns/" + field(warm, "id") + "/confirm", "");
				long warmStart = System.nanoTime();
				while (arrivals.size() < warmup && System.nanoTime() - warmStart < Duration.ofMinutes(10).toNanos()) {
					Thread.sleep(500);
				}
				Thread.sleep(3000);
				System.out.printf("warm-up campaign: %d messages in %.1f s (not counted)%n", arrivals.size(),
						(System.nanoTime() - warmStart) / 1e9);
				arrivals.clear();
			}
			String body = campaign("Benchmark", "+44770", recipients);
			long createStart = System.nanoTime();
			String created = post(http, bases.get(0) + "/api/campaigns", body);
			long id = Long.parseLong(field(created, "id"));
			System.out.printf("campaign %d created with %d invitations in %.1f s%n", id, recipients,
					(System.nanoTime() - createStart) / 1e9);

			double cpuBefore = cpu(instances);
			long[] machineBefore = machineCpu();
			long confirmAt = System.nanoTime();
			post(http, bases.get(1) + "/api/campaigns/" + id + "/confirm", "");
			long lastProgress = System.nanoTime();
			int lastCount = 0;
			while (true) {
				Thread.sleep(1000);
				int count = arrivals.size();
				if (count >= recipients) {
					break;
				}
				if (count != lastCount) {
					lastCount = count;
					lastProgress = System.nanoTime();
				}
				else if (System.nanoTime() - lastProgress > Duration.ofSeconds(60).toNanos()) {
					System.out.println("no progress for 60 s; stopping");
					break;
				}
			}
			Thread.sleep(3000); // anything still in flight, or sent twice, arrives now
			double cpuAfter = cpu(instances);
			long[] machineAfter = machineCpu();

			List<Arrival> all = new ArrayList<>(arrivals);
			all.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
			Set<String> distinct = new HashSet<>();
			all.forEach(a -> distinct.add(a.to()));
			double seconds = (all.get(all.size() - 1).nanos() - all.get(0).nanos()) / 1e9;
			double rate = (all.size() - 1) / seconds;
			int busiest = 0;
			for (int start = 0, end = 0; end < all.size(); end++) {
				while (all.get(end).nanos() - all.get(start).nanos() >= 1_000_000_000L) {
					start++;
				}
				busiest = Math.max(busiest, end - start + 1);
			}
			// Messages in each 5-second window from the first: shows a slow start, stalls or a steady rate.
			StringBuilder timeline = new StringBuilder();
			long first = all.get(0).nanos();
			int[] windows = new int[(int) (seconds / 5) + 1];
			all.forEach(a -> windows[(int) ((a.nanos() - first) / 5_000_000_000L)]++);
			for (int w : windows) {
				timeline.append(' ').append(w / 5);
			}
			System.out.println("msg/s in each 5 s from the first:" + timeline);
			System.out.printf("messages received: %d for %d recipients; duplicates: %d%n", all.size(), recipients,
					all.size() - distinct.size());
			System.out.printf("first message %.2f s after confirming; duration first to last %.1f s%n",
					(all.get(0).nanos() - confirmAt) / 1e9, seconds);
			System.out.printf("achieved rate %.1f msg/s = %.1f%% of the %d/s limit%n", rate, 100 * rate / limit, limit);
			System.out.printf("most messages in any one-second window: %d (limit %d)%n", busiest, limit);
			System.out.printf("CPU time of both instances: %.1f s in all, %.2f s per 10,000 messages%n",
					cpuAfter - cpuBefore, (cpuAfter - cpuBefore) / all.size() * 10_000);
			double busy = (machineAfter[0] - machineBefore[0]) / 100.0;
			double idle = (machineAfter[1] - machineBefore[1]) / 100.0;
			System.out.printf("whole machine: %.1f s busy, %.1f s idle (%.0f%% busy); the instances %.0f%% of the busy time%n",
					busy, idle, 100 * busy / (busy + idle), 100 * (cpuAfter - cpuBefore) / busy);
			System.out.println("results: " + get(http, bases.get(0) + "/api/campaigns/" + id + "/results"));
		}
		finally {
			for (Process p : instances) {
				p.destroy();
			}
			for (Process p : instances) {
				p.waitFor();
			}
			twilio.stop(0);
			try {
				psql(dbHost, "DROP DATABASE IF EXISTS " + run + " WITH (FORCE)");
			}
			catch (RuntimeException e) {
				System.out.println("could not drop " + run + ": " + e.getMessage());
			}
			System.out.println("instance logs: " + data);
			System.exit(0);
		}
	}

	static String campaign(String name, String prefix, int recipients) {
		StringBuilder invitations = new StringBuilder();
		for (int i = 0; i < recipients; i++) {
			invitations.append(i == 0 ? "" : ",")
				.append("{\"number\": \"")
				.append(prefix + String.format("%07d", i))
				.append("\", \"consentGivenBy\": \"Bench group\", \"consentGivenAt\": \"2026-11-01\", ")
				.append("\"consentHow\": \"benchmark list\"}");
		}
		return "{\"name\": \"" + name + "\", \"audience\": {\"invitations\": [" + invitations + "]}, "
				+ "\"messages\": {\"en\": \"The consultation closes on Friday.\", "
				+ "\"cy\": \"Mae'r ymgynghoriad yn cau ddydd Gwener.\"}, \"sendFrom\": \"00:00\", "
				+ "\"sendUntil\": \"23:59:59\"}";
	}

	/** Busy and idle CPU time of the whole machine so far, in clock ticks (Linux /proc/stat). */
	static long[] machineCpu() throws IOException {
		String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
		long total = 0;
		for (int i = 1; i < Math.min(f.length, 9); i++) {
			total += Long.parseLong(f[i]);
		}
		return new long[] { total - idle, idle };
	}

	static double cpu(List<Process> processes) {
		double total = 0;
		for (Process p : processes) {
			total += p.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
		}
		return total;
	}

	static void psql(String host, String sql) throws Exception {
		String[] hp = host.split(":");
		Process p = new ProcessBuilder("psql", "-h", hp[0], "-p", hp.length > 1 ? hp[1] : "5432", "-U", "postgres",
				"-d", "postgres", "-c", sql).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IllegalStateException(out);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static String auth() {
		return "Basic " + Base64.getEncoder()
			.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	static String post(HttpClient http, String url, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofMinutes(15))
			.header("Authorization", auth())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static String get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth()).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static void waitUntilReady(HttpClient http, String base) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not up yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the service did not start; see its log");
	}
}
