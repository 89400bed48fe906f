package org.covenantvoices.resilience;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.ProviderFakes;
import org.covenantvoices.support.TelegramFake;
import org.covenantvoices.support.TestServers;
import org.covenantvoices.support.TwilioFake;
import org.covenantvoices.support.WebSession;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every public endpoint with jqwik, beside {@link BadInputCorpusTests}' fixed corpus: jqwik
 * generates the forms, JSON and headers, and shrinks a failure to the smallest request that still shows it. Whatever
 * arrives, no answer is a 5xx or shows a stack trace or a class name, forged webhooks and anonymous API calls are
 * refused, and the service is healthy after each property. The seed is fixed (see {@link FixedSeed}).
 */
@AddLifecycleHook(FixedSeed.class)
class EndpointPropertiesTests {

	static final String SMS = BadRequests.SMS;

	static final String FORM = BadRequests.FORM;

	static final String JSON = BadRequests.JSON;

	/** The service in a JVM of its own, started once for the class, as Twilio and Telegram would find it. */
	private static ServiceProcess service;

	private static Probe probe;

	@BeforeContainer
	static void start() throws IOException {
		TwilioFake twilio = new TwilioFake(ProviderFakes.server());
		twilio.acceptMessages();
		new TelegramFake(ProviderFakes.server()).acceptEverything();
		Map<String, String> p = new LinkedHashMap<>(IntegrationTest.properties());
		p.putAll(ChannelTest.channelProperties());
		// Redis keys of its own (still under the run's namespace, so removed with it): the sign-in guard's and the
		// inbound limits' counts from these properties touch no other test's.
		p.put("covenant.redis.namespace", TestServers.get().namespace + ":fuzz");
		service = ServiceProcess.start(OwnServers.freePort(),
				p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), "endpoint-properties");
		probe = new Probe(service.baseUrl);
	}

	@AfterContainer
	static void stop() throws InterruptedException {
		if (service != null) {
			service.stop();
		}
	}

	/** After every property, whatever it sent: the service still says it is UP. */
	@AfterProperty
	void stillHealthy() throws Exception {
		Probe.Answer health = probe.send(new BadRequests.Request("GET", "/actuator/health", Map.of(), new byte[0]));
		assertThat(health.status()).as("health after the property").isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	// --- Twilio's webhooks: messages and delivery reports ---

	enum Signature {
		RIGHT, MISSING, EMPTY, OTHER_TOKEN, TAMPERED, ARBITRARY
	}

	record TwilioCase(String path, List<Map.Entry<String, String>> fields, Signature signature, String arbitrary,
			String contentType) {

		/** The fields as the service decodes them, first value of each name. */
		Map<String, String> decoded() {
			Map<String, String> map = new LinkedHashMap<>();
			fields.forEach(f -> map.putIfAbsent(roundTrip(f.getKey()), roundTrip(f.getValue())));
			return map;
		}

		boolean namesUnique() {
			Set<String> names = new HashSet<>();
			return fields.stream().allMatch(f -> names.add(roundTrip(f.getKey())));
		}

		byte[] body() {
			return fields.stream()
				.map(f -> enc(f.getKey()) + "=" + enc(f.getValue()))
				.collect(Collectors.joining("&"))
				.getBytes(StandardCharsets.UTF_8);
		}

		String header() {
			// Twilio signs what it sends, which is what the service decodes.
			String right = TwilioFake.signature(ChannelTest.AUTH_TOKEN, ChannelTest.PUBLIC_BASE_URL + path, decoded());
			return switch (signature) {
				case RIGHT -> right;
				case MISSING -> null;
				case EMPTY -> "";
				case OTHER_TOKEN -> TwilioFake.signature("another-token", ChannelTest.PUBLIC_BASE_URL + path, decoded());
				case TAMPERED -> (right.charAt(0) == 'A' ? "B" : "A") + right.substring(1);
				case ARBITRARY -> arbitrary;
			};
		}

		BadRequests.Request request() {
			Map<String, String> headers = new LinkedHashMap<>();
			if (!contentType.isEmpty()) {
				headers.put("Content-Type", contentType);
			}
			if (header() != null) {
				headers.put("X-Twilio-Signature", header());
			}
			return new BadRequests.Request("POST", path, headers, body());
		}

		@Override
		public String toString() {
			String shown = new String(body(), StandardCharsets.UTF_8);
			return path + " " + signature + " " + contentType + " " + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown)
					+ " (" + body().length + " bytes)";
		}
	}

	@Property(tries = 300)
	void twilioWebhooksNeverBreakAndRefuseForgeries(@ForAll("twilioCases") TwilioCase sent) throws Exception {
		BadRequests.Request request = sent.request();
		Probe.Answer answer = send(request);
		if (answer == null) {
			return; // over the body limit and cut off while sending: refused
		}
		Statistics.collect(answer.status(), reason(answer));
		assertThat(Probe.problem(answer)).as("%s -> %s", sent, answer).isNull();
		assertThat(answer.status()).as("%s -> %s", sent, answer.body()).isBetween(200, 499);
		boolean wellFormed = (sent.contentType().equals(FORM) || sent.contentType().startsWith(FORM + "; charset"))
				&& sent.namesUnique()
				&& request.body().length <= 64 * 1024;
		if (wellFormed && sent.signature() != Signature.RIGHT) {
			assertThat(answer.status()).as("a forged request: %s -> %s", sent, answer.body()).isEqualTo(403);
		}
		String account = sent.decoded().get("AccountSid");
		if (wellFormed && sent.signature() == Signature.RIGHT
				&& (account == null || account.equals(ChannelTest.ACCOUNT_SID))) {
			assertThat(answer.status()).as("a rightly signed request: %s -> %s", sent, answer.body())
				.isIn(200, 204, 400, 429);
		}
	}

	@Provide
	Arbitrary<TwilioCase> twilioCases() {
		Arbitrary<String> number = Arbitraries.integers().between(0, 99_999).map(n -> String.format("+4477009%05d", n));
		Arbitrary<String> from = Arbitraries.frequencyOf(
				Tuple.of(5, number),
				Tuple.of(1, number.map(n -> "whatsapp:" + n)),
				Tuple.of(3, text()));
		Arbitrary<String> sid = Arbitraries.frequencyOf(
				Tuple.of(9, Arbitraries.strings().withChars("0123456789abcdef").ofLength(32).map(h -> "SM" + h)),
				Tuple.of(1, text()));
		Arbitrary<String> account = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.just(ChannelTest.ACCOUNT_SID)),
				Tuple.of(1, text()));
		// Each of Twilio's fields present or missing, then any fields at all, some of them repeated.
		Arbitrary<List<Map.Entry<String, String>>> known = Combinators.combine(
				maybe("MessageSid", sid), maybe("From", from), maybe("Body", bodyText()), maybe("AccountSid", account),
				maybe("To", Arbitraries.just(ChannelTest.TWILIO_FROM)), maybe("NumMedia", text()),
				// what a delivery report carries
				maybe("MessageStatus", Arbitraries.oneOf(Arbitraries.of("delivered", "failed", "undelivered", "sent"),
						text())),
				maybe("ErrorCode", Arbitraries.oneOf(Arbitraries.of("21610", "30003"), text())))
			.as((a, b, c, d, e, f, g, h) -> {
				List<Map.Entry<String, String>> all = new ArrayList<>();
				for (List<Map.Entry<String, String>> one : List.of(a, b, c, d, e, f, g, h)) {
					all.addAll(one);
				}
				return all;
			});
		// Fields Twilio does not send, each name once (a repeated name is the case below).
		Arbitrary<List<Map.Entry<String, String>>> extra = Combinators.combine(text().map(name -> "X" + name), text())
			.as(Map::entry)
			.list()
			.uniqueElements(f -> roundTrip(f.getKey()))
			.ofMaxSize(4);
		Arbitrary<List<Map.Entry<String, String>>> unique = Combinators.combine(known, extra).as((k, x) -> {
			List<Map.Entry<String, String>> all = new ArrayList<>(k);
			all.addAll(x);
			return all;
		});
		Arbitrary<List<Map.Entry<String, String>>> repeated = unique.filter(all -> !all.isEmpty()).map(all -> {
			List<Map.Entry<String, String>> twice = new ArrayList<>(all);
			twice.add(all.get(0)); // a field sent twice
			return twice;
		});
		Arbitrary<List<Map.Entry<String, String>>> fields = Arbitraries.frequencyOf(Tuple.of(6, unique),
				Tuple.of(1, repeated));
		Arbitrary<Signature> signature = Arbitraries.frequencyOf(
				Tuple.of(5, Arbitraries.just(Signature.RIGHT)),
				Tuple.of(5, Arbitraries.of(Signature.class)));
		Arbitrary<String> path = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(SMS)),
				Tuple.of(1, Arbitraries.just(BadRequests.STATUS)));
		return Combinators.combine(path, fields, signature, headerValue(), contentType(FORM)).as(TwilioCase::new);
	}

	private static Arbitrary<List<Map.Entry<String, String>>> maybe(String name, Arbitrary<String> value) {
		return Arbitraries.frequencyOf(
				Tuple.of(5, value.map(v -> List.of(Map.entry(name, v)))),
				Tuple.of(1, Arbitraries.just(List.of())));
	}

	// --- Telegram's webhook ---

	enum Secret {
		RIGHT, MISSING, WRONG
	}

	record TelegramCase(String body, Secret secret, String wrong, String contentType) {

		BadRequests.Request request() {
			Map<String, String> headers = new LinkedHashMap<>();
			if (!contentType.isEmpty()) {
				headers.put("Content-Type", contentType);
			}
			switch (secret) {
				case RIGHT -> headers.put("X-Telegram-Bot-Api-Secret-Token", ChannelTest.TELEGRAM_SECRET);
				case WRONG -> headers.put("X-Telegram-Bot-Api-Secret-Token", wrong);
				case MISSING -> {
				}
			}
			return new BadRequests.Request("POST", BadRequests.TELEGRAM, headers, body.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String toString() {
			return secret + (secret == Secret.WRONG ? " '" + wrong + "'" : "") + " " + contentType + " "
					+ (body.length() > 300 ? body.substring(0, 300) + "..." : body);
		}
	}

	@Property(tries = 300)
	void telegramWebhookNeverBreaksAndRefusesWrongSecrets(@ForAll("telegramCases") TelegramCase sent)
			throws Exception {
		Probe.Answer answer = send(sent.request());
		if (answer == null) {
			return;
		}
		Statistics.collect(answer.status(), reason(answer));
		assertThat(Probe.problem(answer)).as("%s -> %s", sent, answer).isNull();
		if (sent.secret() != Secret.RIGHT) {
			assertThat(answer.status()).as("a wrong secret: %s -> %s", sent, answer.body()).isBetween(400, 499);
			if (readable(sent.contentType())) {
				assertThat(answer.status()).as("a wrong secret: %s -> %s", sent, answer.body()).isEqualTo(403);
			}
		}
	}

	@Provide
	Arbitrary<TelegramCase> telegramCases() {
		Arbitrary<String> body = Arbitraries.frequencyOf(
				Tuple.of(4, update()),
				Tuple.of(3, json()),
				// cut short: not JSON at all
				Tuple.of(1, Combinators.combine(update(), Arbitraries.doubles().between(0, 1))
					.as((json, at) -> json.substring(0, (int) (json.length() * at)))),
				Tuple.of(1, text()));
		Arbitrary<Secret> secret = Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.just(Secret.RIGHT)),
				Tuple.of(2, Arbitraries.of(Secret.class)));
		Arbitrary<String> wrong = Arbitraries.oneOf(headerValue(),
				Arbitraries.of(ChannelTest.TELEGRAM_SECRET.toUpperCase(), ChannelTest.TELEGRAM_SECRET.substring(1),
						ChannelTest.TELEGRAM_SECRET + "x", ChannelTest.BOT_TOKEN))
			// A header's value loses its surrounding spaces on the way, as HTTP says it may.
			.filter(w -> !w.strip().equals(ChannelTest.TELEGRAM_SECRET));
		return Combinators.combine(body, secret, wrong, contentType(JSON)).as(TelegramCase::new);
	}

	/** A Telegram update's shape, each value the right type or any JSON at all. */
	private static Arbitrary<String> update() {
		// Telegram's ids of updates and messages fit an int; a chat's id needs a long.
		Arbitrary<String> typed = update(Arbitraries.integers().map(String::valueOf),
				Arbitraries.longs().between(1, 1L << 40).map(String::valueOf), bodyText().map(t -> quote(t)));
		Arbitrary<String> wild = update(Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf), json()),
				Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf), json()),
				Arbitraries.oneOf(text().map(t -> quote(t)), json()));
		return Arbitraries.frequencyOf(Tuple.of(3, typed), Tuple.of(1, wild));
	}

	private static Arbitrary<String> update(Arbitrary<String> id, Arbitrary<String> chatId, Arbitrary<String> text) {
		return Combinators.combine(id, id, chatId, text, Arbitraries.of("private", "group", "channel", ""))
			.as((update, message, chat, t, type) -> "{\"update_id\": " + update + ", \"message\": {\"message_id\": "
					+ message + ", \"date\": 1764300000, \"chat\": {\"id\": " + chat + ", \"type\": " + quote(type)
					+ "}, \"from\": {\"id\": " + chat + ", \"is_bot\": false, \"first_name\": \"Fuzz\"}, \"text\": "
					+ t + "}}");
	}

	/** Any JSON value: nested objects and arrays of strings, numbers, booleans and nulls. */
	private static Arbitrary<String> json() {
		Arbitrary<String> leaf = Arbitraries.oneOf(text().map(EndpointPropertiesTests::quote),
				Arbitraries.longs().map(String::valueOf), Arbitraries.doubles().map(String::valueOf)
					.filter(d -> !d.contains("N") && !d.contains("I")),
				Arbitraries.of("true", "false", "null", "-0", "1e999999", "99999999999999999999999999", "0.0000001e-400"));
		return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
				inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
				Combinators.combine(Arbitraries.oneOf(text(), Arbitraries.of("update_id", "message", "text", "chat",
						"id", "from", "callback_query", "my_chat_member")), inner)
					.as((k, v) -> quote(k) + ":" + v)
					.list()
					.ofMaxSize(4)
					.map(members -> "{" + String.join(",", members) + "}")), 0, 4);
	}

	// --- the simulator, the sign-in form and the organisers' API ---

	@Property(tries = 200)
	void simulatorNeverBreaks(@ForAll("simulatorBodies") String body, @ForAll("simulatorTypes") String contentType)
			throws Exception {
		Map<String, String> headers = new LinkedHashMap<>();
		if (!contentType.isEmpty()) {
			headers.put("Content-Type", contentType);
		}
		BadRequests.Request request = new BadRequests.Request("POST", BadRequests.SIMULATOR, headers,
				body.getBytes(StandardCharsets.UTF_8));
		Probe.Answer answer = send(request);
		if (answer != null) {
			Statistics.collect(answer.status(), reason(answer));
			assertThat(Probe.problem(answer)).as("%s -> %s", request, answer).isNull();
		}
	}

	@Provide
	Arbitrary<String> simulatorBodies() {
		Arbitrary<String> from = Arbitraries.frequencyOf(
				Tuple.of(6, Arbitraries.integers().between(0, 99_999)
					.map(n -> quote(String.format("+4477009%05d", n)))),
				Tuple.of(1, json()));
		Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(6, bodyText().map(t -> quote(t))),
				Tuple.of(1, json()));
		// No messageId, one like a client's, any text, or any JSON.
		Arbitrary<String> messageId = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
				Tuple.of(3, Arbitraries.strings().alpha().numeric().ofLength(12).map(id -> ", \"messageId\": \"sim-" + id
						+ "\"")),
				Tuple.of(3, text().map(id -> ", \"messageId\": " + quote(id))),
				Tuple.of(1, json().map(id -> ", \"messageId\": " + id)));
		Arbitrary<String> message = Combinators.combine(from, text, messageId)
			.as((f, t, id) -> "{\"from\": " + f + ", \"text\": " + t + id + "}");
		return Arbitraries.frequencyOf(Tuple.of(6, message), Tuple.of(1, json()), Tuple.of(1, text()));
	}

	@Provide
	Arbitrary<String> simulatorTypes() {
		return contentType(JSON);
	}

	/** A browser's session and form token, so that some posts get past the CSRF check to the sign-in itself. */
	private static WebSession browser;

	@Property(tries = 120)
	void signInFormNeverBreaksNorSignsIn(@ForAll("signInForms") List<Map.Entry<String, String>> fields,
			@ForAll boolean withSession, @ForAll("formTypes") String contentType) throws Exception {
		if (browser == null) {
			browser = new WebSession(service.baseUrl);
			browser.get("/sign-in");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		if (!contentType.isEmpty()) {
			headers.put("Content-Type", contentType);
		}
		List<Map.Entry<String, String>> form = new ArrayList<>(fields);
		if (withSession) {
			headers.put("Cookie", "cv_session=" + browser.sessionCookie());
			form.add(Map.entry("_csrf", browser.csrfToken()));
		}
		byte[] body = form.stream()
			.map(f -> enc(f.getKey()) + "=" + enc(f.getValue()))
			.collect(Collectors.joining("&"))
			.getBytes(StandardCharsets.UTF_8);
		BadRequests.Request request = new BadRequests.Request("POST", BadRequests.SIGN_IN, headers, body);
		Probe.Answer answer = send(request);
		if (answer == null) {
			return;
		}
		Statistics.collect(answer.status(), reason(answer));
		assertThat(Probe.problem(answer)).as("%s -> %s", request, answer).isNull();
		assertThat(answer.header("Location")).as("%s", request).doesNotContain("/dashboard");
	}

	@Provide
	Arbitrary<List<Map.Entry<String, String>>> signInForms() {
		// Never the real administrator: its password is not guessed here, and its failures would count against it.
		Arbitrary<String> username = Arbitraries.oneOf(text(), Arbitraries.of("fuzz-nobody", "ADMIN", "admin ",
				"a".repeat(5000))).filter(u -> !u.strip().equalsIgnoreCase("admin"));
		Arbitrary<String> password = Arbitraries.oneOf(text(), Arbitraries.just(IntegrationTest.ADMIN_PASSWORD));
		Arbitrary<List<Map.Entry<String, String>>> extra = Combinators.combine(Arbitraries.oneOf(text(),
				Arbitraries.of("username", "password", "_csrf", "remember-me")), text())
			.as(Map::entry)
			.list()
			.ofMaxSize(3);
		return Combinators.combine(username, password, extra).as((u, p, x) -> {
			List<Map.Entry<String, String>> all = new ArrayList<>();
			all.add(Map.entry("username", u));
			all.add(Map.entry("password", p));
			all.addAll(x);
			return all;
		});
	}

	@Provide
	Arbitrary<String> formTypes() {
		return contentType(FORM);
	}

	/** The organisers' routes: an anonymous call, or one with credentials that are wrong, is refused. */
	static final List<String> ORGANISER_ROUTES = List.of("/api/events", "/api/events/%s", "/api/events/%s/close",
			"/api/events/%s/reopen", "/api/imports", "/api/contributions", "/api/contributions/%s",
			"/api/contributions/%s/annotations", "/api/annotations/%s/confirm", "/api/export/contributions.csv",
			"/api/export/consult.zip", "/api/themes", "/api/themes/run", "/api/campaigns", "/api/campaigns/%s/results",
			"/api/erasures", "/api/audit", "/api/%s");

	@Property(tries = 250)
	void organiserApiRefusesAnonymousCallsAndNeverBreaks(@ForAll("apiCalls") BadRequests.Request request)
			throws Exception {
		Probe.Answer answer = send(request);
		if (answer == null) {
			return;
		}
		Statistics.collect(answer.status(), reason(answer));
		assertThat(Probe.problem(answer)).as("%s -> %s", request, answer).isNull();
		assertThat(answer.status()).as("an anonymous call: %s -> %s", request, answer.body()).isBetween(400, 499);
		String contentType = request.headers().getOrDefault("Content-Type", "");
		int headers = request.path().length() + request.headers().values().stream().mapToInt(String::length).sum();
		if (request.path().split("\\?")[0].matches("[A-Za-z0-9/_~-]+") && headers < 4096 && readable(contentType)
				&& !contentType.startsWith(FORM)) {
			// A request that Tomcat, the firewall and the body filter let through reaches the access rules, which ask
			// for a sign-in. Let through: a plain path, headers within Tomcat's 8 KB, and a Content-Type that is
			// readable and not a form (a form body is parsed, and may be refused as unreadable, before any route).
			assertThat(answer.status()).as("an anonymous call: %s -> %s", request, answer.body()).isIn(401, 403);
		}
	}

	@Provide
	Arbitrary<BadRequests.Request> apiCalls() {
		Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars("-_.~")
			.ofMinLength(1).ofMaxLength(20), text().filter(t -> !t.isEmpty()).map(EndpointPropertiesTests::enc));
		Arbitrary<String> path = Combinators.combine(Arbitraries.of(ORGANISER_ROUTES), segment)
			.as((route, s) -> route.replace("%s", s));
		Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
				Combinators.combine(text(), text()).as((k, v) -> "?" + enc(k) + "=" + enc(v)));
		Arbitrary<String> authorization = Arbitraries.oneOf(Arbitraries.just(""),
				text().map(t -> "Basic " + java.util.Base64.getEncoder().encodeToString(("fuzz-nobody:" + t)
					.getBytes(StandardCharsets.UTF_8))),
				headerValue().map(v -> "Basic " + v), headerValue().map(v -> "Bearer " + v), headerValue());
		Arbitrary<String> body = Arbitraries.oneOf(json(), text(), Arbitraries.just(""),
				Arbitraries.just("event_code,question,text\nX,Q1,hello\n"));
		return Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE"), path, query, authorization,
				contentType(JSON), body)
			.as((method, p, q, auth, type, b) -> {
				Map<String, String> headers = new LinkedHashMap<>();
				if (!type.isEmpty()) {
					headers.put("Content-Type", type);
				}
				if (!auth.isEmpty()) {
					headers.put("Authorization", auth);
				}
				return new BadRequests.Request(method, p + q, headers, b.getBytes(StandardCharsets.UTF_8));
			});
	}

	// --- generators shared by the properties ---

	/**
	 * Any text: every UTF-16 unit (lone surrogates and NUL too), emoji, Welsh, right-to-left; now and then long. NUL
	 * has a share of its own: PostgreSQL refuses it in text, so it must be refused or removed before anything is kept.
	 */
	private static Arbitrary<String> text() {
		Arbitrary<String> shortText = Arbitraries.strings().all().ofMaxLength(20);
		return Arbitraries.frequencyOf(
				Tuple.of(1, Combinators.combine(shortText, shortText).as((a, b) -> a + "\u0000" + b)),
				Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
				Tuple.of(3, Arbitraries.strings()
					.withChars("aZ09 +%&=?#\"'\\<>{}[];,.-_/\n\r\t\u0000\u00e9\u0175\u2019\u202e\ufeff\ufffd")
					.withChars("\ud83d\ude00\ud83c\udff4\udb40\udc67\u200d")
					.ofMaxLength(60)),
				Tuple.of(1, Arbitraries.of("\ud83d\ude00", "\ud83d", "\ude00", "\ud83c\udff4\udb40\udc67"
						+ "\udb40\udc62\udb40\udc77\udb40\udc6c\udb40\udc73\udb40\udc7f", "", " ", "\u0000", "%", "%zz",
						"+", "null", "{}", "[]")),
				Tuple.of(1, Arbitraries.strings().all().ofMinLength(200).ofMaxLength(3000)));
	}

	/** An SMS or chat message's text: mostly words, sometimes anything, rarely past the 64 KB body limit. */
	private static Arbitrary<String> bodyText() {
		return Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.of("Yes", "No", "STOP", "HELP", "FORGET", "Hi", "Cymraeg",
						"We need more funding for rural groups \ud83d\ude00")),
				Tuple.of(6, text()),
				Tuple.of(1, Arbitraries.strings().withChars("x\u20ac\ud83d\ude00 ").ofMinLength(20_000)
					.ofMaxLength(70_000)));
	}

	/** A header value an HTTP client can send: visible ASCII and spaces. */
	private static Arbitrary<String> headerValue() {
		return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300);
	}

	/** Mostly the right content type, otherwise another, a broken one or none. */
	private static Arbitrary<String> contentType(String right) {
		return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(right)),
				Tuple.of(3, Arbitraries.of(FORM, JSON, "text/plain", "text/csv", "multipart/form-data",
						"multipart/form-data; boundary=xyz", "application/xml", "application/octet-stream", "",
						"garbage/", right + "; charset=utf-16", right + "; charset=latin1", "*/*", right + ";;;")),
				Tuple.of(1, headerValue().map(String::strip)));
	}

	/** The service's short reason for a refusal, for the statistics jqwik prints. */
	private static String reason(Probe.Answer answer) {
		java.util.regex.Matcher error = java.util.regex.Pattern.compile("\"error\":\"([^\"]{0,50})").matcher(answer.body());
		return error.find() ? error.group(1) : answer.header("Location").replaceFirst("^https?://[^/]+", "");
	}

	/**
	 * Whether the service reads a request with this Content-Type at all. One that is no media type, a wildcard, or
	 * multipart without a boundary is refused (400 or 415) before any route or sign-in check, by the service's
	 * UnreadableRequestFilter, so for those a property expects a refusal but not which one.
	 */
	static boolean readable(String contentType) {
		if (contentType.isBlank()) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype()
					&& !("multipart".equalsIgnoreCase(type.getType()) && type.getParameter("boundary") == null);
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	/**
	 * Sends a request; null where the body was over Tomcat's limit and the connection was closed while it was still
	 * being sent, which is a refusal, as {@link BadInputCorpusTests} explains.
	 */
	private static Probe.Answer send(BadRequests.Request request) throws Exception {
		try {
			return probe.send(request);
		}
		catch (IOException e) {
			if (request.body().length <= 64 * 1024) {
				throw new AssertionError("no answer (" + e + "): " + request, e);
			}
			return null;
		}
	}

	/** A JSON string literal for any text, lone surrogates and control characters escaped as JSON allows. */
	static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))
					|| Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static String roundTrip(String text) {
		return URLDecoder.decode(enc(text), StandardCharsets.UTF_8);
	}
}
