package org.covenantvoices.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running service over real HTTP, as a phone (through the simulator) or an organiser would. */
public final class Client {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public Client(String base) {
		this.base = base;
	}

	public Phone phone(String number) {
		return new Phone(number);
	}

	public Response post(String path, String contentType, String body) {
		return post(path, contentType, body, Map.of());
	}

	public Response post(String path, String contentType, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.POST(body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	public Response get(String path, String user, String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return send(request.GET().build());
	}

	public Response asAdmin(String path) {
		return get(path, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	/** A request with any method and body, signed in as the given user (or anonymous where user is null). */
	public Response send(String method, String path, String user, String password, String contentType,
			byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(120))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (user != null) {
			request.header("Authorization", basic(user, password));
		}
		return send(request.build());
	}

	public Response postAs(String path, String user, String password, String contentType, String body) {
		return send("POST", path, user, password, contentType,
				body == null ? null : body.getBytes(StandardCharsets.UTF_8));
	}

	/** A download kept as bytes, for ZIP files. */
	public byte[] download(String path, String user, String password) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", basic(user, password))
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError(path + " answered " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8));
			}
			return response.body();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}
	}

	/** A pretend phone using the simulator. */
	public final class Phone {

		private final String number;

		private volatile String lastMessageId;

		Phone(String number) {
			this.number = number;
		}

		public String number() {
			return number;
		}

		public String lastMessageId() {
			return lastMessageId;
		}

		/** Sends a text and returns the bot's replies; fails on anything but 200. */
		public List<String> send(String text) {
			Response response = sendRaw(text, UUID.randomUUID().toString());
			if (response.status() != 200) {
				throw new AssertionError("simulator answered " + response.status() + ": " + response.body());
			}
			return replies(response);
		}

		public Response sendRaw(String text, String messageId) {
			lastMessageId = messageId;
			String body = JSON.writeValueAsString(Map.of("from", number, "text", text, "messageId", messageId));
			return post("/api/simulator/messages", "application/json", body);
		}

		/**
		 * Says hello, agrees, answers for just themselves and skips the nation and area.
		 * @return the bot's question 1
		 */
		public String startAtQuestionOne() {
			send("Hi");
			send("yes");
			send("1");
			send("skip");
			return last("skip");
		}

		/** The last reply to a text: the question the bot is now asking. */
		public String last(String text) {
			List<String> replies = send(text);
			if (replies.isEmpty()) {
				throw new AssertionError("no reply to " + text);
			}
			return replies.get(replies.size() - 1);
		}
	}

	public static List<String> replies(Response response) {
		return JSON.readValue(JSON.readTree(response.body()).get("replies").toString(),
				JSON.getTypeFactory().constructCollectionType(List.class, String.class));
	}
}
