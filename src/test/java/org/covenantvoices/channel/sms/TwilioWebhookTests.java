package org.covenantvoices.channel.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Twilio's webhook as a phone (through Twilio) uses it: signed, stored, answered through the outbox. */
class TwilioWebhookTests extends ChannelTest {

	static final String INBOUND = "/webhooks/twilio/sms";

	@Test
	void aCorrectlySignedMessageIsAcceptedAndAnsweredWithEmptyTwiml() {
		String number = newNumber();
		Client.Response response = sendSigned(INBOUND, message(number, "Hello"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/xml");
		assertThat(response.body()).contains("<Response/>");
		await().atMost(Duration.ofSeconds(20)).until(() -> twilio.textsTo(number).size() >= 2);
		Map<String, String> first = twilio.requestsTo(number).get(0);
		assertThat(first).containsEntry("From", TWILIO_FROM)
			.containsEntry("StatusCallback", PUBLIC_BASE_URL + "/webhooks/twilio/status");
		assertThat(first.get("Body")).contains("Covenant Voices");
	}

	@Test
	void aOneCharacterChangeInAnyParameterIsRefused() {
		String number = newNumber();
		Map<String, String> params = message(number, "Hello");
		String signature = TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, params);
		long before = inboundCount();
		for (String name : params.keySet()) {
			Map<String, String> forged = new LinkedHashMap<>(params);
			String value = forged.get(name);
			forged.put(name, value.substring(0, value.length() - 1) + (value.endsWith("1") ? "2" : "1"));
			Client.Response response = post(INBOUND, forged, signature);
			assertThat(response.status()).as("changed %s", name).isEqualTo(403);
		}
		Map<String, String> extra = new LinkedHashMap<>(params);
		extra.put("Extra", "x");
		assertThat(post(INBOUND, extra, signature).status()).isEqualTo(403);
		String forgedSignature = signature.substring(0, 5) + (signature.charAt(5) == 'A' ? 'B' : 'A')
				+ signature.substring(6);
		assertThat(post(INBOUND, params, forgedSignature).status()).isEqualTo(403);
		assertThat(post(INBOUND, params, null).status()).isEqualTo(403);
		// Signed for another address: what a request relayed to us from elsewhere looks like.
		assertThat(post(INBOUND, params, TwilioFake.signature(AUTH_TOKEN, "https://elsewhere.example" + INBOUND, params))
			.status()).isEqualTo(403);
		assertThat(inboundCount()).isEqualTo(before);

		assertThat(post(INBOUND, params, signature).status()).isEqualTo(200);
		assertThat(inboundCount()).isEqualTo(before + 1);
	}

	@Test
	void theSignatureMayCoverTheDefaultPort() {
		String number = newNumber();
		Map<String, String> params = message(number, "Hello");
		String signature = TwilioFake.signature(AUTH_TOKEN, "https://voices.example.test:443" + INBOUND, params);
		assertThat(post(INBOUND, params, signature).status()).isEqualTo(200);
	}

	@Test
	void aWholeConversationBySms() {
		String number = newNumber();
		Sms phone = new Sms(number);
		assertThat(phone.say("Hi", "Reply YES")).hasSize(2);
		assertThat(phone.say("yes", "Are you answering for")).isNotEmpty();
		phone.say("2", "How many people");
		phone.say("12", "Where are you?");
		phone.say("Wales", "town, city or area");
		phone.say("Cardiff", "Question 1 of 6");
		phone.say("Not sure", "Why?");
		phone.say("Recognition matters but money is missing", "Question 2 of 6");
		phone.say("Regular meetings with the council", "Question 3 of 6");
		phone.say("Short notice for consultations", "Question 4 of 6");
		phone.say("A yearly public report", "Question 5 of 6");
		phone.say("Share stories between towns", "Question 6 of 6");
		phone.say("Longer grants", "anything else");
		phone.say("Thank you for asking", "published");
		phone.say("YES", "Thank you");

		String participant = participant("sms", phone.lastSid);
		List<Map<String, Object>> rows = jdbc.sql("SELECT question_id, choice, text, source, represented_count "
				+ "FROM contributions WHERE participant_id = ? AND superseded_at IS NULL ORDER BY question_id")
			.param(participant)
			.query()
			.listOfRows();
		assertThat(rows).extracting(row -> row.get("question_id"))
			.containsExactly("OTHER", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6");
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("source")).isEqualTo("sms");
			assertThat(row.get("represented_count")).isEqualTo(12);
		});
		assertThat(rows.get(1)).containsEntry("choice", "not_sure")
			.containsEntry("text", "Recognition matters but money is missing");
		assertThat(rows.get(3)).containsEntry("text", "Short notice for consultations");
		// Every reply went to the person's own number, from ours, once.
		List<Map<String, String>> sends = twilio.requestsTo(number);
		assertThat(sends).allSatisfy(send -> assertThat(send).containsEntry("From", TWILIO_FROM));
		// The provider's answer is recorded just after the send, so a loaded machine may need a moment.
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT count(*) FROM outbound_messages WHERE participant_id = ? AND status <> 'sent'")
			.param(participant).query(Long.class).single()).isZero());
		assertThat(sends).hasSize(jdbc.sql("SELECT count(*) FROM outbound_messages WHERE participant_id = ?")
			.param(participant).query(Integer.class).single());
	}

	@Test
	void aWholeConversationBySmsInWelshWithStopAndForget() {
		Sms phone = new Sms(newNumber());
		phone.say("Helo", "Tecstiwch CYMRAEG am Gymraeg");
		phone.say("CYMRAEG", "Atebwch IE i ddechrau");
		phone.say("ie", "Ydych chi'n ateb ar ran");
		phone.say("1", "Ble ydych chi?");
		phone.say("Cymru", "Pa dref");
		phone.say("Caernarfon", "Cwestiwn 1 o 6");
		phone.say("ie", "Pam?");
		phone.say("Maen nhw'n iawn i ni", "Cwestiwn 2 o 6");
		phone.say("Siarad wyneb yn wyneb", "Cwestiwn 3 o 6");
		phone.say("Diffyg amser a staff", "Cwestiwn 4 o 6");
		phone.say("Adroddiad cyhoeddus bob blwyddyn", "Cwestiwn 5 o 6");
		phone.say("Rhannu straeon da", "Cwestiwn 6 o 6");
		phone.say("Grantiau hirach os gwelwch yn dda", "unrhyw beth arall");
		phone.say("na", "Cyfamod yn cael ei gyhoeddi");
		phone.say("na diolch", "Diolch!");
		String participant = participant("sms", phone.lastSid);
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ? AND language = 'cy' "
				+ "AND source = 'sms' AND superseded_at IS NULL").param(participant).query(Long.class).single())
			.isEqualTo(6);
		phone.say("STOPIO", "Fyddwch chi ddim yn cael mwy o negeseuon");
		phone.say("DECHRAU", "Croeso nôl");
		phone.say("ANGHOFIO", "Atebwch IE i ddileu");
		phone.say("ie", "Wedi'i wneud");
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM contact_addresses "
				+ "WHERE participant_id = ?").param(participant).query(Long.class).single() == 0);
	}

	@Test
	void stopIsConfirmedOnceAndThenNothingIsSent() {
		Sms phone = new Sms(newNumber());
		phone.say("Hi", "Reply YES");
		phone.say("STOP", "no more messages");
		int afterStop = twilio.textsTo(phone.number).size();
		Map<String, String> later = message(phone.number, "yes");
		assertThat(sendSigned(INBOUND, later).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT processed_at IS NOT NULL FROM "
				+ "inbound_messages WHERE provider_message_id = ?").param(later.get("MessageSid")).query(Boolean.class)
			.single());
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(twilio.textsTo(phone.number)).hasSize(afterStop);
	}

	@Test
	void forgetOverSmsSendsTheConfirmationThenDeletesTheNumber() {
		Sms phone = new Sms(newNumber());
		phone.say("Hi", "Reply YES");
		phone.say("yes", "Are you answering for");
		String participant = participant("sms", phone.lastSid);
		phone.say("FORGET", "Reply YES to delete");
		phone.say("YES", "We have deleted your details");
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM contact_addresses "
				+ "WHERE participant_id = ?").param(participant).query(Long.class).single() == 0);
		assertThat(jdbc.sql("SELECT status FROM participants WHERE id = ?").param(participant).query(String.class)
			.single()).isEqualTo("erased");
		assertThat(jdbc.sql("SELECT count(*) FROM outbound_messages WHERE participant_id = ?").param(participant)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theSameMessageDeliveredFiveTimesAtOnceHasOneEffect() throws Exception {
		String number = newNumber();
		Sms phone = new Sms(number);
		phone.say("Hi", "Reply YES");
		phone.say("yes", "Are you answering for");
		phone.say("1", "Where are you?");
		phone.say("skip", "town, city or area");
		phone.say("skip", "Question 1 of 6");
		phone.say("yes", "Why?");
		int before = twilio.textsTo(number).size();

		Map<String, String> answer = message(number, "Because it matters to us");
		String signature = TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, answer);
		ExecutorService pool = Executors.newFixedThreadPool(5);
		try {
			List<Callable<Integer>> deliveries = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				deliveries.add(() -> post(INBOUND, answer, signature).status());
			}
			for (Future<Integer> status : pool.invokeAll(deliveries)) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> twilio.textsTo(number).size() > before);
		String participant = participant("sms", answer.get("MessageSid"));
		// Let any second effect show itself before counting.
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
		assertThat(twilio.textsTo(number).subList(before, twilio.textsTo(number).size()))
			.singleElement()
			.asString()
			.contains("Question 2 of 6");
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ? AND question_id = 'Q1' "
				+ "AND superseded_at IS NULL")
			.param(participant).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM inbound_messages WHERE provider_message_id = ?")
			.param(answer.get("MessageSid")).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void numbersOutsideTheAllowedCountriesAreIgnored() {
		String american = "+1415" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
		long before = inboundCount();
		Client.Response response = sendSigned(INBOUND, message(american, "Hi"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("<Response/>");
		String french = "+3361234" + String.format("%04d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000));
		assertThat(sendSigned(INBOUND, message("whatsapp:" + french, "Bonjour")).status()).isEqualTo(200);
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(inboundCount()).isEqualTo(before);
		assertThat(twilio.requestsTo(american)).isEmpty();
		assertThat(twilio.requestsTo("whatsapp:" + french)).isEmpty();
	}

	@Test
	void whatsappMessagesComeThroughTheSameWebhookAndAreAnsweredOnWhatsapp() {
		String number = newNumber();
		Client.Response response = sendSigned(INBOUND, message("whatsapp:" + number, "Hello"));
		assertThat(response.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> twilio.textsTo("whatsapp:" + number).size() >= 2);
		assertThat(twilio.requestsTo("whatsapp:" + number).get(0)).containsEntry("From", "whatsapp:" + WHATSAPP_FROM);
		assertThat(twilio.requestsTo(number)).isEmpty();
		assertThat(jdbc.sql("SELECT channel FROM inbound_messages WHERE provider_message_id = ?")
			.param(lastSid).query(String.class).single()).isEqualTo("whatsapp");
	}

	@Test
	void badInputIsRefusedWithAReasonAndNothingIsRecorded() {
		String number = newNumber();
		Map<String, String> params = message(number, "Hello");
		String signature = TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, params);
		long before = inboundCount();
		Map<String, String> signed = Map.of("X-Twilio-Signature", signature);

		Client.Response json = client.post(INBOUND, "application/json", "{\"From\": \"" + number + "\"}", signed);
		assertThat(json.status()).isEqualTo(415);
		assertThat(json.body()).contains("form-encoded");
		assertThat(client.post(INBOUND, "text/plain", form(params), signed).status()).isEqualTo(415);
		assertThat(client.post(INBOUND, null, form(params), signed).status()).isEqualTo(415);

		// An empty body signs as the bare URL; signed or not, there is nothing to keep.
		String emptySignature = TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, Map.of());
		Client.Response empty = client.post(INBOUND, "application/x-www-form-urlencoded", "",
				Map.of("X-Twilio-Signature", emptySignature));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(client.post(INBOUND, "application/x-www-form-urlencoded", "", signed).status()).isEqualTo(403);

		String huge = "Body=" + "a".repeat(70_000) + "&From=" + number;
		Client.Response oversized = client.post(INBOUND, "application/x-www-form-urlencoded", huge, signed);
		assertThat(oversized.status()).isEqualTo(400);
		assertThat(oversized.body()).contains("too large");

		Client.Response malformed = client.post(INBOUND, "application/x-www-form-urlencoded", "From=%zz&Body=%",
				signed);
		assertThat(malformed.status()).isEqualTo(400);

		Map<String, String> noSid = new LinkedHashMap<>(params);
		noSid.remove("MessageSid");
		noSid.remove("SmsMessageSid");
		Client.Response missing = post(INBOUND, noSid, TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, noSid));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("MessageSid");
		Map<String, String> noFrom = new LinkedHashMap<>(params);
		noFrom.remove("From");
		assertThat(post(INBOUND, noFrom, TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, noFrom)).status())
			.isEqualTo(400);

		Map<String, String> otherAccount = new LinkedHashMap<>(params);
		otherAccount.put("AccountSid", "AC99999999999999999999999999999999");
		assertThat(post(INBOUND, otherAccount,
				TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, otherAccount)).status()).isEqualTo(403);

		for (Client.Response response : List.of(json, empty, oversized, malformed, missing)) {
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
		}
		assertThat(inboundCount()).isEqualTo(before);
		assertThat(twilio.requestsTo(number)).isEmpty();
	}

	@Test
	void aFloodFromOneNumberIsCutOff() {
		String number = newNumber();
		firstSid = null;
		int refused = 0;
		for (int i = 0; i < 40; i++) {
			int status = sendSigned(INBOUND, message(number, "spam " + i)).status();
			assertThat(status).isIn(200, 429);
			if (status == 429) {
				refused++;
			}
		}
		assertThat(refused).isGreaterThan(0);
		assertThat(jdbc.sql("SELECT count(*) FROM inbound_messages i JOIN inbound_messages j "
				+ "ON i.participant_id = j.participant_id WHERE j.provider_message_id = ?")
			.param(firstSid).query(Long.class).single()).isLessThan(40);
	}

	// --- helpers ---

	private volatile String lastSid;

	private volatile String firstSid;

	Map<String, String> message(String from, String body) {
		Map<String, String> params = twilioMessage(from, body);
		String sid = params.get("MessageSid");
		params.put("SmsMessageSid", sid);
		params.put("NumMedia", "0");
		lastSid = sid;
		if (firstSid == null) {
			firstSid = sid;
		}
		return params;
	}

	Client.Response sendSigned(String path, Map<String, String> params) {
		return post(path, params, TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + path, params));
	}

	Client.Response post(String path, Map<String, String> params, String signature) {
		return client.post(path, "application/x-www-form-urlencoded", form(params),
				signature == null ? Map.of() : Map.of("X-Twilio-Signature", signature));
	}

	long inboundCount() {
		return jdbc.sql("SELECT count(*) FROM inbound_messages").query(Long.class).single();
	}

	String participant(String channel, String sid) {
		return jdbc.sql("SELECT participant_id FROM inbound_messages WHERE channel = ? AND provider_message_id = ?")
			.params(channel, sid)
			.query(String.class)
			.single();
	}

	/** A phone texting the service through Twilio. */
	final class Sms {

		final String number;

		String lastSid;

		Sms(String number) {
			this.number = number;
		}

		/** Sends a text and waits for a reply containing {@code expected}; returns the replies since sending. */
		List<String> say(String text, String expected) {
			int before = twilio.textsTo(number).size();
			Map<String, String> params = message(number, text);
			lastSid = params.get("MessageSid");
			assertThat(sendSigned(INBOUND, params).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> twilio.textsTo(number).stream().skip(before).anyMatch(t -> t.contains(expected)));
			List<String> texts = twilio.textsTo(number);
			return texts.subList(before, texts.size());
		}
	}
}
