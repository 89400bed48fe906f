import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Reply-path latency when a vague answer asks the chat model for a follow-up: the time from a simulator message to
 * its reply, with the model up (answering at once, and after 300 ms), slow (10 s, beyond the 3 s limit), failing
 * (HTTP 500, so one retry), and with the circuit open. A fake OpenAI-compatible server on this machine plays the
 * model. Each sample is a new participant, so nothing is cached.
 *
 * Usage: java bench/ModelLatency.java JAR [samples per phase]   (bench/model-latency.sh does this)
 */
public class ModelLatency {

	static volatile String mode = "up";

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int samples = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		HttpServer model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		model.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			try {
				switch (mode) {
					case "up-300ms" -> Thread.sleep(300);
					case "slow" -> Thread.sleep(10_000);
					default -> {
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			boolean fail = mode.equals("failing") || mode.equals("circuit-open");
			byte[] body = (fail ? "{\"error\": {\"message\": \"down\"}}"
					: "{\"id\": \"c\", \"object\": \"chat.completion\", \"created\": 1, \"model\": \"m\", \"choices\": "
							+ "[{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"{\\\"probe\\\": "
							+ "\\\"Thank you. What kind of money would help most?\\\"}\"}, \"finish_reason\": \"stop\"}], "
							+ "\"usage\": {\"prompt_tokens\": 100, \"completion_tokens\": 12, \"total_tokens\": 112}}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		model.setExecutor(Executors.newCachedThreadPool());
		model.start();

		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("cv-bench");
		ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port,
				"--covenant.data-dir=" + data, "--covenant.understanding.llm.circuit-open-for=10m");
		Map<String, String> env = builder.environment();
		env.remove("DATABASE_URL");
		env.remove("REDIS_URL");
		env.put("LLM_BASE_URL", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1");
		env.put("LLM_API_KEY", "bench");
		builder.redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile());
		Process service = builder.start();
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + port;
		try {
			waitForHealth(http, base);
			for (String phase : List.of("up", "up-300ms", "slow", "failing", "circuit-open")) {
				mode = phase;
				int n = phase.equals("slow") ? Math.min(samples, 10) : samples;
				List<Double> ms = new ArrayList<>();
				for (int i = 0; i < n + 3; i++) {
					String from = "+4477009" + (10000 + (int) (Math.random() * 89999));
					for (String text : List.of("Hi", "yes", "1", "skip", "skip", "yes", "They are the right ones")) {
						send(http, base, from, text);
					}
					long start = System.nanoTime();
					send(http, base, from, "money");
					if (i >= 3) {
						ms.add((System.nanoTime() - start) / 1e6);
					}
				}
				Collections.sort(ms);
				System.out.printf("%-13s n=%3d  median %7.1f ms   p90 %7.1f ms   max %7.1f ms%n", phase, ms.size(),
						ms.get(ms.size() / 2), ms.get((int) Math.min(ms.size() - 1, Math.round(ms.size() * 0.9))),
						ms.get(ms.size() - 1));
			}
		}
		finally {
			service.destroy();
			service.waitFor();
			model.stop(0);
		}
	}

	static String send(HttpClient http, String base, String from, String text) throws Exception {
		String body = "{\"from\": \"" + from + "\", \"text\": \"" + text + "\", \"messageId\": \"" + UUID.randomUUID()
				+ "\"}";
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/simulator/messages"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	static void waitForHealth(HttpClient http, String base) throws Exception {
		for (int i = 0; i < 240; i++) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					Thread.sleep(3000); // let the embedding model finish loading in the background
					return;
				}
			}
			catch (java.io.IOException e) {
				// not up yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the service did not start");
	}
}
