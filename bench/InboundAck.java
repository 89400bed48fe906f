import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * Inbound acknowledgement latency of POST /webhooks/twilio/sms: from sending a signed webhook to its empty-TwiML
 * answer, measured by the client. Starts the packaged jar in local mode (its own PostgreSQL and Redis) with a fake
 * Twilio API on this machine that accepts every reply, so the background processing and sending run as in production.
 *
 * Usage: java bench/InboundAck.java JAR [requests] [concurrency]   (bench/inbound-ack.sh does this)
 */
public class InboundAck {

	static final String TOKEN = "bench-auth-token";

	static final String ACCOUNT = "AC00000000000000000000000000000bench";

	static final String PUBLIC = "https://voices.example.test";

	static final AtomicInteger sent = new AtomicInteger();

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int requests = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
		int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 1;
		int warmup = Math.max(200, requests / 10);

		HttpServer twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		twilio.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			byte[] body = ("{\"sid\": \"SM" + UUID.randomUUID().toString().replace("-", "")
					+ "\", \"status\": \"queued\", \"num_segments\": \"1\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(201, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			sent.incrementAndGet();
		});
		twilio.setExecutor(Executors.newFixedThreadPool(4));
		twilio.start();

		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("cv-bench");
		ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port,
				"--covenant.data-dir=" + data);
		Map<String, String> env = builder.environment();
		env.remove("DATABASE_URL");
		env.remove("REDIS_URL");
		env.put("PUBLIC_BASE_URL", PUBLIC);
		env.put("TWILIO_ACCOUNT_SID", ACCOUNT);
		env.put("TWILIO_AUTH_TOKEN", TOKEN);
		env.put("TWILIO_FROM", "+447700900001");
		env.put("TWILIO_API_BASE_URL", "http://127.0.0.1:" + twilio.getAddress().getPort());
		env.put("SMS_SEGMENTS_PER_SECOND", "1000");
		builder.redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile());
		Process service = builder.start();
		String base = "http://127.0.0.1:" + port;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			waitUntilReady(http, base);
			System.out.printf("service ready; %d warm-up requests, then %d measured, %d at a time%n", warmup, requests,
					concurrency);
			run(http, base, warmup, concurrency, "warm");
			long[] micros = run(http, base, requests, concurrency, "run");
			Arrays.sort(micros);
			System.out.printf("acknowledgement latency over %d requests (concurrency %d): median %.2f ms, p90 %.2f ms, "
					+ "p99 %.2f ms, max %.2f ms%n", micros.length, concurrency, micros[micros.length / 2] / 1000.0,
					micros[(int) (micros.length * 0.90)] / 1000.0, micros[(int) (micros.length * 0.99)] / 1000.0,
					micros[micros.length - 1] / 1000.0);
			System.out.printf("replies the fake Twilio had accepted by the end: %d%n", sent.get());
		}
		finally {
			service.destroy();
			service.waitFor();
			twilio.stop(0);
			System.exit(0);
		}
	}

	static void waitUntilReady(HttpClient http, String base) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
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
			Thread.sleep(100);
		}
		throw new IllegalStateException("the service did not start; see its log");
	}

	static long[] run(HttpClient http, String base, int requests, int concurrency, String tag) throws Exception {
		long[] micros = new long[requests];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<?>> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < requests) {
					micros[i] = once(http, base, tag, i);
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		return micros;
	}

	static long once(HttpClient http, String base, String tag, int i) throws Exception {
		// 1,000 numbers, a few messages each: like many people at once, and under the per-number flood cap.
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
		params.put("AccountSid", ACCOUNT);
		params.put("From", String.format("+4477009%05d", (tag.equals("warm") ? 50000 : 0) + i % 1000));
		params.put("To", "+447700900001");
		params.put("Body", i % 7 == 0 ? "Hi" : "yes");
		String body = form(params);
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/webhooks/twilio/sms"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature(PUBLIC + "/webhooks/twilio/sms", params))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		long took = (System.nanoTime() - start) / 1000;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("answer " + response.statusCode() + ": " + response.body());
		}
		return took;
	}

	static String form(Map<String, String> params) {
		StringBuilder out = new StringBuilder();
		params.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&")
			.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return out.toString();
	}

	static String signature(String url, Map<String, String> params) throws Exception {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
	}
}
