package org.covenantvoices.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Sends one request of the bad-input corpus and judges its answer. */
final class Probe {

	/** What no answer may show: a stack trace or the names of our classes or the JDK's. */
	static final List<String> LEAKS = List.of("org.covenantvoices", "java.", "Exception", "at org.", "jakarta.",
			"springframework");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	Probe(String base) {
		this.base = base;
	}

	record Answer(int status, String body, Map<String, List<String>> headers) {

		Answer(int status, String body) {
			this(status, body, Map.of());
		}

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse("");
		}
	}

	Answer send(BadRequests.Request request) throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
			.timeout(Duration.ofSeconds(30))
			.method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(request.body()));
		for (Map.Entry<String, String> header : request.headers().entrySet()) {
			builder.header(header.getKey(), printable(header.getValue()));
		}
		HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
				response.headers().map());
	}

	/** The first thing wrong with an answer, or null. */
	static String problem(Answer answer) {
		if (answer.status() >= 500) {
			return "status " + answer.status();
		}
		for (String leak : LEAKS) {
			if (answer.body().contains(leak)) {
				return "the body shows '" + leak + "'";
			}
		}
		return null;
	}

	/** A header value an HTTP client can send at all: visible ASCII. */
	private static String printable(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			if (c >= 0x20 && c < 0x7f) {
				out.append(c);
			}
		}
		return out.toString();
	}
}
