package org.covenantvoices.channel.sms;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a person notices when Twilio misbehaves: replies arrive late but once, or not at all when they should not. */
class TwilioDeliveryTests extends ChannelTest {

	static final String INBOUND = "/webhooks/twilio/sms";

	static final String STATUS = "/webhooks/twilio/status";

	static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	CircuitBreakerRegistry breakers;

	@Test
	void aRateLimitedSendIsRetriedAfterRetryAfterAndArrivesOnce() {
		assertRecovers(TwilioFake.error(429, 20429, "Too Many Requests").withHeader("Retry-After", "1"));
	}

	@Test
	void aServerErrorIsRetriedAndArrivesOnce() {
		assertRecovers(TwilioFake.error(500, 20500, "Internal Server Error"));
	}

	@Test
	void aResetConnectionIsRetriedAndArrivesOnce() {
		assertRecovers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
	}

	/** The fake refuses the first sends, then recovers: the welcome and the consent question arrive once each. */
	private void assertRecovers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fault) {
		String number = newNumber();
		StubMapping stub = twilio.answerFor(number, fault);
		sendSigned(message(number, "Hi"));
		await().atMost(PATIENCE).until(() -> twilio.requestsTo(number).size() >= 2);
		assertThat(twilio.textsTo(number)).isEmpty();
		twilio.remove(stub);

		await().atMost(PATIENCE).until(() -> twilio.textsTo(number).size() >= 2);
		settle();
		List<String> texts = twilio.textsTo(number);
		assertThat(texts).hasSize(2);
		assertThat(texts.get(0)).contains("Covenant Voices");
		assertThat(texts.get(1)).contains("Reply YES");
		assertThat(statuses(number)).containsOnly("sent");
	}

	@Test
	void retriesAreBoundedAndThenTheMessageFails() {
		String number = newNumber();
		twilio.answerFor(number, TwilioFake.error(503, 20503, "Service Unavailable"));
		sendSigned(message(number, "Hi"));
		await().atMost(PATIENCE).until(() -> statuses(number).size() == 2
				&& statuses(number).stream().allMatch("failed"::equals));
		settle();
		// Six attempts each (the test setting), never a seventh.
		assertThat(twilio.requestsTo(number)).hasSize(12);
		assertThat(jdbc.sql("SELECT last_error FROM outbound_messages WHERE participant_id = ? ORDER BY id")
			.param(participant(lastSid)).query(String.class).list()).allSatisfy(reason -> assertThat(reason)
				.startsWith("gave up after 6 attempts"));
		assertThat(breakers.circuitBreaker("twilio").getMetrics().getNumberOfFailedCalls()).isPositive();
	}

	@Test
	void aSlowProviderIsWaitedForAndNothingIsSentTwice() {
		String number = newNumber();
		// The first send takes 20 s to be answered; later ones are quick.
		twilio.stub(twilio.forNumber(number).atPriority(1)
			.inScenario("slow " + number)
			.whenScenarioStateIs(STARTED)
			.willSetStateTo("quick")
			.willReturn(TwilioFake.created().withFixedDelay(20_000)));
		sendSigned(message(number, "Hi"));
		await().atMost(PATIENCE).until(() -> twilio.textsTo(number).size() >= 2);
		settle();
		assertThat(twilio.requestsTo(number)).hasSize(2);
		assertThat(twilio.textsTo(number)).hasSize(2);
		assertThat(statuses(number)).containsOnly("sent");
	}

	@Test
	void someoneWhoUnsubscribedAtTwilioIsStoppedAndGetsNothingMore() {
		String number = newNumber();
		twilio.answerFor(number, TwilioFake.error(400, 21610, "Attempt to send to unsubscribed recipient"));
		sendSigned(message(number, "Hi"));
		String participant = participant(lastSid);
		await().atMost(PATIENCE).until(() -> statuses(number).size() == 2
				&& statuses(number).stream().noneMatch(s -> s.equals("queued") || s.equals("sending")));
		assertThat(jdbc.sql("SELECT status FROM participants WHERE id = ?").param(participant).query(String.class)
			.single()).isEqualTo("stopped");
		assertThat(statuses(number)).containsExactly("failed", "undeliverable");
		assertThat(twilio.requestsTo(number)).hasSize(1);

		sendSigned(message(number, "yes"));
		await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT processed_at IS NOT NULL FROM inbound_messages "
				+ "WHERE provider_message_id = ?").param(lastSid).query(Boolean.class).single());
		settle();
		assertThat(twilio.requestsTo(number)).hasSize(1);
	}

	@Test
	void deliveryReportsUpdateTheMessageInOrderOfProgress() {
		String number = newNumber();
		sendSigned(message(number, "Hi"));
		await().atMost(PATIENCE).until(() -> twilio.textsTo(number).size() >= 2);
		await().atMost(PATIENCE).until(() -> statuses(number).stream().allMatch("sent"::equals));
		String sid = jdbc.sql("SELECT provider_message_id FROM outbound_messages WHERE participant_id = ? ORDER BY id "
				+ "LIMIT 1").param(participant(lastSid)).query(String.class).single();
		assertThat(sid).startsWith("SM");

		assertThat(report(sid, "delivered", null, true).status()).isEqualTo(204);
		assertThat(statuses(number).get(0)).isEqualTo("delivered");
		// A late "sent" does not undo "delivered".
		assertThat(report(sid, "sent", null, true).status()).isEqualTo(204);
		assertThat(statuses(number).get(0)).isEqualTo("delivered");
		// Unsigned reports change nothing.
		assertThat(report(sid, "failed", "30008", false).status()).isEqualTo(403);
		assertThat(statuses(number).get(0)).isEqualTo("delivered");
		assertThat(report(sid, "read", null, true).status()).isEqualTo(204);
		assertThat(statuses(number).get(0)).isEqualTo("read");
		// A report for a message we never sent is acknowledged and ignored.
		assertThat(report("SM" + UUID.randomUUID().toString().replace("-", ""), "delivered", null, true).status())
			.isEqualTo(204);
	}

	@Test
	void aWhatsappMessageOutsideThe24HourWindowIsNotSentFreeForm() {
		String number = newNumber();
		sendSigned(message("whatsapp:" + number, "Hello"));
		await().atMost(PATIENCE).until(() -> twilio.textsTo("whatsapp:" + number).size() >= 2);
		String participant = participant(lastSid);
		// The person last wrote 25 hours ago; a campaign message is queued for them now.
		jdbc.sql("UPDATE inbound_messages SET received_at = now() - interval '25 hours' WHERE participant_id = ?")
			.param(participant)
			.update();
		jdbc.sql("INSERT INTO outbound_messages (participant_id, channel, kind, body) "
				+ "VALUES (?, 'whatsapp', 'reminder', 'A reminder outside the window')")
			.param(participant)
			.update();
		await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT status FROM outbound_messages WHERE participant_id = ? "
				+ "AND kind = 'reminder'").param(participant).query(String.class).single().equals("undeliverable"));
		Map<String, Object> row = jdbc.sql("SELECT error_code, last_error FROM outbound_messages "
				+ "WHERE participant_id = ? AND kind = 'reminder'").param(participant).query().singleRow();
		assertThat(row.get("error_code")).isEqualTo("whatsapp-24h-window");
		assertThat((String) row.get("last_error")).contains("24 hours").contains("template");
		assertThat(twilio.requestsTo("whatsapp:" + number)).extracting(send -> send.get("Body"))
			.doesNotContain("A reminder outside the window");
	}

	@Test
	void withRedisDownAMessageIsStillKeptAcknowledgedAndAnsweredOnceRedisIsBack() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String number = newNumber();
		Map<String, String> hello = message(number, "Hi");
		try (org.covenantvoices.support.Instance broken = org.covenantvoices.support.Instance
			.start(instanceOverrides("covenant.redis.url=redis://127.0.0.1:" + closedPort))) {
			Client.Response response = broken.client.post(INBOUND, "application/x-www-form-urlencoded", form(hello),
					Map.of("X-Twilio-Signature", TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, hello)));
			// PostgreSQL kept it, so it may be acknowledged; the conversation waits for Redis.
			assertThat(response.status()).isEqualTo(200);
			assertThat(jdbc.sql("SELECT count(*) FROM inbound_messages WHERE provider_message_id = ?")
				.param(hello.get("MessageSid")).query(Long.class).single()).isEqualTo(1);
		}
		// An instance with Redis picks it up in its recovery sweep and answers.
		await().atMost(Duration.ofSeconds(90)).until(() -> twilio.textsTo(number).size() >= 2);
		assertThat(twilio.textsTo(number).get(0)).contains("Covenant Voices");
	}

	// --- helpers ---

	private volatile String lastSid;

	/** Gives a second send, if there were going to be one, the time to show itself. */
	static void settle() {
		await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
	}

	List<String> statuses(String number) {
		return jdbc.sql("SELECT status FROM outbound_messages WHERE participant_id = ? ORDER BY id")
			.param(participant(lastSidFor(number)))
			.query(String.class)
			.list();
	}

	private final Map<String, String> sidByNumber = new java.util.concurrent.ConcurrentHashMap<>();

	private String lastSidFor(String number) {
		return sidByNumber.get(number);
	}

	Map<String, String> message(String from, String body) {
		Map<String, String> params = new LinkedHashMap<>();
		String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
		params.put("MessageSid", sid);
		params.put("AccountSid", ACCOUNT_SID);
		params.put("From", from);
		params.put("To", TWILIO_FROM);
		params.put("Body", body);
		lastSid = sid;
		sidByNumber.put(from.replace("whatsapp:", ""), sid);
		return params;
	}

	void sendSigned(Map<String, String> params) {
		Client.Response response = client.post(INBOUND, "application/x-www-form-urlencoded", form(params),
				Map.of("X-Twilio-Signature", TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, params)));
		assertThat(response.status()).isEqualTo(200);
	}

	Client.Response report(String sid, String status, String errorCode, boolean signed) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", sid);
		params.put("MessageStatus", status);
		params.put("AccountSid", ACCOUNT_SID);
		if (errorCode != null) {
			params.put("ErrorCode", errorCode);
		}
		return client.post(STATUS, "application/x-www-form-urlencoded", form(params), signed
				? Map.of("X-Twilio-Signature", TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + STATUS, params))
				: Map.of());
	}

	String participant(String sid) {
		return jdbc.sql("SELECT participant_id FROM inbound_messages WHERE provider_message_id = ?")
			.param(sid)
			.query(String.class)
			.single();
	}
}
