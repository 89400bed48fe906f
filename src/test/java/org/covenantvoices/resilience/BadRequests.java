package org.covenantvoices.resilience;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.TwilioFake;

/**
 * A generated corpus of bad requests to every public endpoint: empty, huge, binary, invalid UTF-8, deeply nested
 * JSON, wrong content types, duplicated and missing parameters, and signature and secret variants. Deterministic for
 * a seed, so that a failure can be replayed. Requests signed in as the admin are a small share: each costs a bcrypt
 * check.
 */
final class BadRequests {

	record Request(String method, String path, Map<String, String> headers, byte[] body) {

		@Override
		public String toString() {
			String shown = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
			return method + " " + path + " " + headers + " (" + body.length + " bytes) " + shown;
		}
	}

	static final String SMS = "/webhooks/twilio/sms";

	static final String STATUS = "/webhooks/twilio/status";

	static final String TELEGRAM = "/webhooks/telegram";

	static final String SIMULATOR = "/api/simulator/messages";

	static final String SIGN_IN = "/sign-in";

	static final String IMPORTS = "/api/imports";

	static final String EVENTS = "/api/events";

	static final String FORM = "application/x-www-form-urlencoded";

	static final String JSON = "application/json";

	private static final String[] CONTENT_TYPES = { FORM, JSON, "text/plain", "text/csv", "multipart/form-data",
			"multipart/form-data; boundary=xyz", "application/xml", "application/octet-stream", "", "garbage/",
			"application/x-www-form-urlencoded; charset=utf-16", "application/json; charset=latin1", "*/*" };

	private static final String[] PATHS = { SMS, STATUS, TELEGRAM, SIMULATOR, SIGN_IN, IMPORTS, EVENTS,
			"/api/contributions", "/api/events/%00", "/api/contributions/999999999999999999999",
			"/api/contributions/-1/annotations", "/api/erasures", "/users/%2e%2e", "/simulator",
			"/api/export/contributions.csv", "/api/annotations/abc/confirm" };

	private final Random random;

	private final String number;

	BadRequests(long seed) {
		this.random = new Random(seed);
		this.number = "+4477009" + String.format("%05d", Math.floorMod(seed, 100000));
	}

	List<Request> generate(int count) {
		List<Request> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			requests.add(next(i));
		}
		return requests;
	}

	Request next(int i) {
		switch (i % 12) {
			case 0:
				return twilio(SMS, signedMaybe(smsParams()));
			case 1:
				return twilio(random.nextBoolean() ? SMS : STATUS, badForm());
			case 2:
				return telegram();
			case 3:
				return new Request("POST", SIMULATOR, headers(pick(CONTENT_TYPES)), badJson());
			case 4:
				return signIn();
			case 5:
				if (random.nextInt(10) != 0) {
					return twilio(SMS, badForm());
				}
				return new Request("POST", IMPORTS, admin(pick(new String[] { "text/csv", "text/plain",
						"multipart/form-data; boundary=b", "application/csv", FORM })), badCsv());
			case 6:
				if (random.nextInt(10) != 0) {
					return telegram();
				}
				return new Request(random.nextBoolean() ? "POST" : "PATCH",
						random.nextBoolean() ? EVENTS : EVENTS + "/" + enc(garbageText(8)), admin(JSON), badJson());
			case 7:
				if (random.nextInt(10) != 0) {
					return new Request("POST", SIMULATOR, headers(JSON), badJson());
				}
				return new Request("GET", "/api/contributions?" + badQuery(), admin(null), new byte[0]);
			case 8:
				return new Request(pick(new String[] { "POST", "PUT", "DELETE", "PATCH", "GET" }), pick(PATHS),
						headers(pick(CONTENT_TYPES)), body());
			case 9:
				return new Request("POST", pick(PATHS), random.nextInt(10) == 0 ? admin(pick(CONTENT_TYPES))
						: headers(pick(CONTENT_TYPES)), body());
			case 10:
				return twilio(STATUS, signedMaybe(statusParams()));
			default:
				return new Request("POST", pick(new String[] { SMS, STATUS, TELEGRAM, SIMULATOR }),
						headers(pick(CONTENT_TYPES)), huge());
		}
	}

	// --- Twilio ---

	private Map<String, String> smsParams() {
		Map<String, String> p = new LinkedHashMap<>();
		String[] names = { "MessageSid", "SmsMessageSid", "AccountSid", "From", "To", "Body", "NumMedia" };
		for (String name : names) {
			if (random.nextInt(5) == 0) {
				continue; // missing
			}
			p.put(name, switch (name) {
				case "AccountSid" -> random.nextInt(4) == 0 ? "AC" + garbageText(32) : ChannelTest.ACCOUNT_SID;
				case "From" -> pick(new String[] { number, "whatsapp:" + number, "", "+", "whatsapp:", garbageText(20),
						"+1" + random.nextInt(1_000_000_000), "+4477009" + garbageText(5), "\u0000", "%" });
				case "MessageSid" -> random.nextInt(3) == 0 ? garbageText(random.nextInt(100))
						: "SM" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
				default -> garbageText(random.nextInt(random.nextInt(10) == 0 ? 2000 : 40));
			});
		}
		return p;
	}

	private Map<String, String> statusParams() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("MessageSid", random.nextBoolean() ? garbageText(34) : "SM" + Long.toHexString(random.nextLong()));
		p.put("MessageStatus", pick(new String[] { "delivered", "failed", "undelivered", "sent", "", "DELIVERED",
				garbageText(10) }));
		p.put("AccountSid", ChannelTest.ACCOUNT_SID);
		if (random.nextBoolean()) {
			p.put("ErrorCode", pick(new String[] { "21610", "30003", "", garbageText(6) }));
		}
		return p;
	}

	/** A form, signed correctly, wrongly, for another URL, or not at all. */
	private Signed signedMaybe(Map<String, String> params) {
		String body = ChannelTest.form(params);
		String right = TwilioFake.signature(ChannelTest.AUTH_TOKEN, ChannelTest.PUBLIC_BASE_URL + SMS, params);
		String signature = switch (random.nextInt(8)) {
			case 0, 1, 2 -> right;
			case 3 -> null;
			case 4 -> "";
			case 5 -> right.substring(1) + "A";
			case 6 -> TwilioFake.signature("another-token", ChannelTest.PUBLIC_BASE_URL + SMS, params);
			default -> garbageText(random.nextInt(300));
		};
		return new Signed(body.getBytes(StandardCharsets.UTF_8), signature, params);
	}

	private record Signed(byte[] body, String signature, Map<String, String> params) {
	}

	private Signed badForm() {
		byte[] body = switch (random.nextInt(7)) {
			case 0 -> "MessageSid=SM1&MessageSid=SM2&From=%2B447700900123&Body=hi".getBytes(StandardCharsets.UTF_8);
			case 1 -> "Body=%zz&From=%".getBytes(StandardCharsets.UTF_8);
			case 2 -> invalidUtf8();
			case 3 -> binary(random.nextInt(2000));
			case 4 -> ("a=" + "%F0%28%8C%BC".repeat(50)).getBytes(StandardCharsets.UTF_8);
			case 5 -> "&&&==&=&".getBytes(StandardCharsets.UTF_8);
			default -> new byte[0];
		};
		String signature = random.nextBoolean() ? null
				: TwilioFake.signature(ChannelTest.AUTH_TOKEN, ChannelTest.PUBLIC_BASE_URL + SMS, Map.of());
		return new Signed(body, signature, Map.of());
	}

	private Request twilio(String path, Signed signed) {
		Map<String, String> headers = headers(random.nextInt(6) == 0 ? pick(CONTENT_TYPES) : FORM);
		if (signed.signature() != null) {
			headers.put("X-Twilio-Signature", signed.signature());
		}
		return new Request("POST", path, headers, signed.body());
	}

	// --- Telegram ---

	private Request telegram() {
		Map<String, String> headers = headers(random.nextInt(5) == 0 ? pick(CONTENT_TYPES) : JSON);
		switch (random.nextInt(5)) {
			case 0 -> {
			}
			case 1 -> headers.put("X-Telegram-Bot-Api-Secret-Token", "wrong-secret");
			case 2 -> headers.put("X-Telegram-Bot-Api-Secret-Token", garbageText(300));
			default -> headers.put("X-Telegram-Bot-Api-Secret-Token", ChannelTest.TELEGRAM_SECRET);
		}
		byte[] body = random.nextBoolean() ? badJson() : telegramUpdate();
		return new Request("POST", TELEGRAM, headers, body);
	}

	private byte[] telegramUpdate() {
		String[] updates = {
				"{\"update_id\": " + random.nextLong() + "}",
				"{\"update_id\": \"x\", \"message\": {}}",
				"{\"update_id\": 1, \"message\": {\"message_id\": 1, \"chat\": {\"id\": \"abc\"}, \"text\": 5}}",
				"{\"update_id\": " + random.nextInt() + ", \"message\": {\"message_id\": 1, \"date\": -1, "
						+ "\"chat\": {\"id\": " + random.nextLong() + ", \"type\": \"private\"}, \"from\": {\"id\": 1, "
						+ "\"is_bot\": false, \"first_name\": \"" + garbageText(20).replace("\"", "")
						+ "\"}, \"text\": \"" + garbageText(50).replace("\"", "").replace("\\", "") + "\"}}",
				"{\"update_id\": 2, \"callback_query\": {\"id\": \"1\", \"data\": null}}",
				"{\"update_id\": 3, \"my_chat_member\": {\"chat\": null}}",
				"[]", "null", "1e999999", "{\"update_id\": 99999999999999999999999999}" };
		return pick(updates).getBytes(StandardCharsets.UTF_8);
	}

	// --- console and API ---

	private Request signIn() {
		Map<String, String> headers = headers(random.nextBoolean() ? FORM : pick(CONTENT_TYPES));
		String body = switch (random.nextInt(5)) {
			case 0 -> "username=admin&password=" + garbageText(30);
			case 1 -> "username=" + "a".repeat(5000) + "&password=x";
			case 2 -> "username=admin&username=other&password=p&_csrf=" + garbageText(10);
			case 3 -> "%%%";
			default -> "";
		};
		return new Request("POST", SIGN_IN, headers, body.getBytes(StandardCharsets.UTF_8));
	}

	private Map<String, String> admin(String contentType) {
		Map<String, String> headers = headers(contentType);
		String credentials = switch (random.nextInt(6)) {
			case 0 -> "fuzz-nobody:wrong";
			case 1 -> garbageText(20);
			default -> "admin:" + IntegrationTest.ADMIN_PASSWORD;
		};
		headers.put("Authorization", random.nextInt(10) == 0 ? "Basic " + garbageText(30)
				: "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		return headers;
	}

	private byte[] badCsv() {
		return switch (random.nextInt(6)) {
			case 0 -> "event_code,question,text\n\"unclosed,Q1,x\n".getBytes(StandardCharsets.UTF_8);
			case 1 -> invalidUtf8();
			case 2 -> binary(random.nextInt(4000));
			case 3 -> ("a,b,c\n" + "1,2,3\n".repeat(random.nextInt(200))).getBytes(StandardCharsets.UTF_8);
			case 4 -> ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n"
					+ garbageText(100) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
			default -> new byte[0];
		};
	}

	private String badQuery() {
		return pick(new String[] { "page=-1", "size=100000000000", "page=abc&size=%25", "question=" + enc(garbageText(10)),
				"from=notadate", "source=%00", "page=1&page=2", "sort=" + enc(garbageText(30)), "q=" + "x".repeat(5000),
				"size=0", "since=9999-99-99" });
	}

	// --- bodies ---

	private byte[] body() {
		return switch (random.nextInt(6)) {
			case 0 -> new byte[0];
			case 1 -> binary(random.nextInt(3000));
			case 2 -> invalidUtf8();
			case 3 -> badJson();
			case 4 -> garbageText(random.nextInt(500)).getBytes(StandardCharsets.UTF_8);
			default -> "a=1&a=2&b".getBytes(StandardCharsets.UTF_8);
		};
	}

	private byte[] badJson() {
		int depth = 1 + random.nextInt(random.nextBoolean() ? 20 : 20_000);
		String json = switch (random.nextInt(9)) {
			case 0 -> "[".repeat(depth) + "]".repeat(depth);
			case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
			case 2 -> "{\"from\": \"" + number + "\", \"text\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
			case 3 -> "{\"from\": null, \"text\": null}";
			case 4 -> "{\"from\": \"" + garbageText(30).replace("\"", "") + "\", \"text\": \"hello there\", "
					+ "\"from\": \"+447700900000\"}";
			case 5 -> "{\"from\": 12, \"text\": {\"x\": 1}, \"code\": [1,2]}";
			case 6 -> "{\"name\": \"" + "x".repeat(random.nextInt(100_000)) + "\"}";
			case 7 -> "{\"unterminated\": \"";
			default -> garbageText(100);
		};
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] huge() {
		int size = pick(new Integer[] { 70_000, 300_000, 2_000_000 });
		byte[] body = new byte[size];
		byte fill = (byte) pick(new Integer[] { (int) 'a', (int) '[', (int) '&', 0xff }).intValue();
		java.util.Arrays.fill(body, fill);
		return body;
	}

	private byte[] invalidUtf8() {
		byte[][] samples = { { (byte) 0xc3, 0x28 }, { (byte) 0xa0, (byte) 0xa1 }, { (byte) 0xe2, 0x28, (byte) 0xa1 },
				{ (byte) 0xf0, 0x28, (byte) 0x8c, 0x28 }, { (byte) 0xff, (byte) 0xfe, (byte) 0xfd },
				{ (byte) 0xed, (byte) 0xa0, (byte) 0x80 } };
		byte[] prefix = "Body=".getBytes(StandardCharsets.UTF_8);
		byte[] bad = pick(samples);
		byte[] body = new byte[prefix.length + bad.length * 3];
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		for (int i = 0; i < 3; i++) {
			System.arraycopy(bad, 0, body, prefix.length + i * bad.length, bad.length);
		}
		return body;
	}

	private byte[] binary(int size) {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		return bytes;
	}

	private String garbageText(int length) {
		StringBuilder text = new StringBuilder(length);
		String alphabet = "abcXYZ019 +%&=?#\"'\\<>{}[]\u0000\u00e9\u0175\u2019\ud83d\ude00\n\r\t;,.-_/";
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private Map<String, String> headers(String contentType) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (contentType != null && !contentType.isEmpty()) {
			headers.put("Content-Type", contentType);
		}
		return headers;
	}

	@SafeVarargs
	private <T> T pick(T... options) {
		return options[random.nextInt(options.length)];
	}
}
