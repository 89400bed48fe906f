package org.covenantvoices.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the server can tell: keeps the session cookie (which is Secure, so Java's own cookie handler
 * would not send it over http://localhost as browsers do), sends each form's CSRF token, and follows no redirect by
 * itself so that tests can check where they lead.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern SESSION_COOKIE = Pattern.compile("cv_session=([^;]*)");

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private String session;

	private String csrf;

	public WebSession(String base) {
		this.base = base;
	}

	/** Signs in with the form, and fails unless it worked. */
	public static WebSession signedIn(String base, String username, String password) {
		WebSession web = new WebSession(base);
		Page page = web.signIn(username, password);
		if (page.status() != 303 || !page.location().endsWith("/dashboard")) {
			throw new AssertionError("sign-in as " + username + " failed: " + page.status() + " " + page.location());
		}
		return web;
	}

	/** Sends the sign-in form; the answer is a redirect to the dashboard or back to the form. */
	public Page signIn(String username, String password) {
		get("/sign-in");
		return post("/sign-in", Map.of("username", username, "password", password));
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Follows one redirect, as a browser would. */
	public Page follow(Page redirect) {
		String location = redirect.location();
		return get(location.startsWith("http") ? URI.create(location).getRawPath()
				+ (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery())
				: location);
	}

	/** Posts a form with the CSRF token of the last page that had one (fetching the dashboard for one if need be). */
	public Page post(String path, Map<String, String> fields) {
		if (csrf == null) {
			get("/sign-in");
		}
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.putIfAbsent("_csrf", csrf);
		return postRaw(path, form, Map.of());
	}

	public Page postRaw(String path, Map<String, String> form, Map<String, String> headers) {
		String body = form.entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(request);
	}

	/**
	 * A browser's form with a file in it: multipart, with the CSRF token of the last page that had one. Empty values
	 * are sent as empty parts, as a browser sends an empty box.
	 */
	public Page postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String file) {
		if (csrf == null) {
			get("/sign-in");
		}
		String boundary = "----cv" + java.util.UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.putIfAbsent("_csrf", csrf);
		all.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
			.append(value == null ? "" : value).append("\r\n"));
		body.append("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"")
			.append(fileName == null ? "" : fileName).append("\"\r\n")
			.append("Content-Type: ").append(fileName == null ? "application/octet-stream" : "text/csv")
			.append("\r\n\r\n").append(file == null ? "" : file).append("\r\n--").append(boundary).append("--\r\n");
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
	}

	/** Carries on another's session, as the same browser talking to another instance would. */
	public void adopt(WebSession other) {
		this.session = other.session;
		this.csrf = other.csrf;
	}

	public String csrfToken() {
		return csrf;
	}

	public String sessionCookie() {
		return session;
	}

	private Page send(HttpRequest.Builder request) {
		request.timeout(Duration.ofSeconds(60));
		if (session != null) {
			request.header("Cookie", "cv_session=" + session);
		}
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String cookie : response.headers().allValues("Set-Cookie")) {
				Matcher m = SESSION_COOKIE.matcher(cookie);
				if (m.find()) {
					session = m.group(1).isEmpty() ? null : m.group(1);
				}
			}
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return new Page(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public record Page(int status, String body, Map<String, List<String>> headers) {

		public String location() {
			return header("Location").orElse("");
		}

		public Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

		/** The page's text without its markup, with spaces collapsed, for asserting what a person reads. */
		public String text() {
			return body.replaceAll("(?s)<script.*?</script>", " ")
				.replaceAll("<[^>]+>", " ")
				.replace("&#39;", "'")
				.replace("&quot;", "\"")
				.replace("&amp;", "&")
				.replaceAll("\\s+", " ");
		}
	}
}
