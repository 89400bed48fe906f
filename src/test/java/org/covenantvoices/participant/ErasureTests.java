package org.covenantvoices.participant;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.TestServers;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After FORGET, or an admin's erasure, the phone number is nowhere: not in any column of any table, in any
 * encoding we can think of, nor in any Redis key or value. The answers stay, anonymous and redacted.
 */
class ErasureTests extends IntegrationTest {

	@Test
	void afterForgetNoTableOrRedisKeyHoldsTheNumber() {
		String number = newNumber();
		Client.Phone phone = client.phone(number);
		phone.startAtQuestionOne();
		phone.send("yes");
		// People type their own number into answers too.
		phone.send("Text me back on 0" + number.substring(3) + " if you like");
		String participant = participantOf(phone);
		assertThat(everywhere(number)).as("before FORGET the number is kept (encrypted and hashed)").isNotEmpty();

		phone.send("FORGET");
		assertThat(phone.send("yes")).singleElement().asString().contains("deleted your details");

		assertThat(everywhere(number)).isEmpty();
		assertThat(jdbc.sql("SELECT text FROM contributions WHERE question_id = 'Q1' AND anonymised_at IS NOT NULL "
				+ "AND text LIKE 'Text me back on%'").query(String.class).list())
			.contains("Text me back on [redacted] if you like");
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ?").param(participant)
			.query(Long.class)
			.single()).isZero();
		JsonNode audit = client.asAdmin("/api/audit?action=participant.erased&subject=" + participant).json();
		assertThat(audit.get("items").valueStream()).singleElement()
			.satisfies(entry -> assertThat(entry.get("actor").asString()).isEqualTo("participant"));
	}

	@Test
	void anAdminErasesSomeoneByTheNumberTheyGaveInOneStep() {
		String number = newNumber();
		Client.Phone phone = client.phone(number);
		phone.startAtQuestionOne();
		phone.send("no");
		phone.send("We need fewer forms");
		String participant = participantOf(phone);

		// As the person wrote it in their letter: national format with spaces.
		String written = "0" + number.substring(3, 7) + " " + number.substring(7);
		Client.Response erased = client.send("POST", "/api/erasures", "admin", ADMIN_PASSWORD, "application/json",
				("{\"address\": \"" + written + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThat(erased.status()).as(erased.body()).isEqualTo(200);
		assertThat(erased.json().get("participantIds").get(0).asString()).isEqualTo(participant);
		assertThat(erased.json().get("erased").asInt()).isEqualTo(1);

		assertThat(everywhere(number)).isEmpty();
		assertThat(jdbc.sql("SELECT status FROM participants WHERE id = ?").param(participant).query(String.class)
			.single()).isEqualTo("erased");
		assertThat(jdbc.sql("SELECT text FROM contributions WHERE anonymised_at IS NOT NULL AND text = ?")
			.param("We need fewer forms")
			.query(String.class)
			.list()).isNotEmpty();
		JsonNode entry = client.asAdmin("/api/audit?action=participant.erased&subject=" + participant).json()
			.get("items")
			.get(0);
		assertThat(entry.get("actor").asString()).isEqualTo("admin");
		assertThat(entry.toString()).doesNotContain(number.substring(3));

		// Once erased, the number is a stranger: a new message starts afresh, as someone new.
		assertThat(phone.send("Hi").get(0)).contains("This is Covenant Voices");
		assertThat(participantOf(phone)).isNotEqualTo(participant);
		Client.Response again = client.send("POST", "/api/erasures", "admin", ADMIN_PASSWORD, "application/json",
				("{\"participantId\": \"" + participant + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThat(again.json().get("erased").asInt()).isZero();
	}

	@Test
	void erasureRequestsThatFindNobodySaySo() {
		Client.Response nobody = client.send("POST", "/api/erasures", "admin", ADMIN_PASSWORD, "application/json",
				"{\"address\": \"+447700900999\", \"channel\": \"sms\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(nobody.status()).isEqualTo(404);
		Client.Response empty = client.send("POST", "/api/erasures", "admin", ADMIN_PASSWORD, "application/json",
				"{}".getBytes(StandardCharsets.UTF_8));
		assertThat(empty.status()).isEqualTo(400);
	}

	/**
	 * Every place the number shows, in any of the forms and encodings it could be stored in: E.164, without the plus,
	 * national, with the usual spaces, URL-encoded, as UTF-8 hex (how bytea prints), Base64, and our keyed hash.
	 */
	private List<String> everywhere(String number) {
		String digits = number.substring(1);
		String national = "0" + number.substring(3);
		List<String> needles = new ArrayList<>(List.of(number, digits, national, number.substring(3),
				national.substring(0, 5) + " " + national.substring(5), "%2B" + digits));
		for (String form : List.of(number, digits, national)) {
			byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
			needles.add(HexFormat.of().formatHex(bytes));
			needles.add(Base64.getEncoder().encodeToString(bytes).replace("=", ""));
		}
		needles.add(HexFormat.of().formatHex(addressHash("simulator", number)));

		List<String> found = new ArrayList<>();
		List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
				+ "AND table_type = 'BASE TABLE'").query(String.class).list();
		assertThat(tables).contains("participants", "contact_addresses", "contributions", "inbound_messages",
				"outbound_messages", "conversation_sessions", "consent_records", "audit_log", "events");
		for (String table : tables) {
			for (String needle : needles) {
				// A row as text shows every column, bytea as hex: one search covers them all.
				long rows = jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE position(lower(?) in lower(t::text)) > 0")
					.param(needle)
					.query(Long.class)
					.single();
				if (rows > 0) {
					found.add(table + " holds " + needle);
				}
			}
		}
		try (UnifiedJedis redis = TestServers.get().redis()) {
			String cursor = ScanParams.SCAN_POINTER_START;
			do {
				ScanResult<String> page = redis.scan(cursor,
						new ScanParams().match(TestServers.get().namespace + ":*").count(1000));
				for (String key : page.getResult()) {
					String value = switch (redis.type(key)) {
						case "string" -> redis.get(key);
						case "hash" -> String.valueOf(redis.hgetAll(key));
						case "list" -> String.valueOf(redis.lrange(key, 0, -1));
						case "set" -> String.valueOf(redis.smembers(key));
						case "zset" -> String.valueOf(redis.zrange(key, 0, -1));
						default -> "";
					};
					for (String needle : needles) {
						if ((key + " " + value).toLowerCase().contains(needle.toLowerCase())) {
							found.add("redis " + key + " holds " + needle);
						}
					}
				}
				cursor = page.getCursor();
			}
			while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		}
		return found;
	}

	/** The keyed hash a participant is found by, computed as the service does from the test's privacy key. */
	private static byte[] addressHash(String channel, String address) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(PRIVACY_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] hashKey = mac.doFinal("covenant-voices/address-hash".getBytes(StandardCharsets.UTF_8));
			mac.init(new javax.crypto.spec.SecretKeySpec(hashKey, "HmacSHA256"));
			return mac.doFinal((channel + ":" + address).getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
