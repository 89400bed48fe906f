package org.covenantvoices.channel.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.twilio.http.TwilioRestClient;
import org.covenantvoices.channel.courier.SendOutcome;
import org.covenantvoices.conversation.OutboundMessage;
import org.covenantvoices.participant.ParticipantStatus;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.ProviderFakes;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's real calls, against the fake: WhatsApp's template outside the window, and typed errors. */
class WhatsAppTemplateTests {

	private final TwilioRestClient client = new TwilioRestClient.Builder(ChannelTest.ACCOUNT_SID, ChannelTest.AUTH_TOKEN)
		.httpClient(new TwilioHttpClient(ProviderFakes.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(30)))
		.build();

	private final TwilioFake fake = new TwilioFake(ProviderFakes.server());

	private TwilioProperties properties(String templateSid) {
		return new TwilioProperties(ChannelTest.ACCOUNT_SID, ChannelTest.AUTH_TOKEN, ChannelTest.TWILIO_FROM, null,
				ChannelTest.WHATSAPP_FROM, ProviderFakes.baseUrl(), false, List.of("GB"), templateSid,
				Duration.ofSeconds(5), Duration.ofSeconds(30));
	}

	private static OutboundMessage message(Instant lastInbound) {
		return new OutboundMessage(1, "p1", "whatsapp", "reminder", "Come back and finish, any time.", List.of(), 0,
				ParticipantStatus.ACTIVE, lastInbound);
	}

	private static String number() {
		return "+4477009" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100000));
	}

	@Test
	void outsideTheWindowATemplateIsSentInPlaceOfFreeText() {
		fake.acceptMessages();
		String number = number();
		TwilioSender sender = new TwilioSender("whatsapp", client, properties("HX0123456789abcdef0123456789abcdef"), null);
		OutboundMessage late = message(Instant.now().minus(Duration.ofHours(30)));
		assertThat(sender.refuse(late)).isNull();
		assertThat(sender.send(late, number)).isInstanceOf(SendOutcome.Sent.class);
		Map<String, String> sent = fake.requestsTo("whatsapp:" + number).get(0);
		assertThat(sent).containsEntry("ContentSid", "HX0123456789abcdef0123456789abcdef")
			.containsEntry("From", "whatsapp:" + ChannelTest.WHATSAPP_FROM)
			.doesNotContainKey("Body");
		assertThat(sent.get("ContentVariables")).contains("Come back and finish");
	}

	@Test
	void outsideTheWindowWithoutATemplateNothingIsSent() {
		TwilioSender sender = new TwilioSender("whatsapp", client, properties(null), null);
		assertThat(sender.refuse(message(Instant.now().minus(Duration.ofHours(25)))))
			.isInstanceOf(SendOutcome.Skipped.class);
		assertThat(sender.refuse(message(null))).isInstanceOf(SendOutcome.Skipped.class);
		assertThat(sender.refuse(message(Instant.now().minus(Duration.ofHours(23))))).isNull();
	}

	@Test
	void twilioErrorsAreTyped() {
		String number = number();
		TwilioSender sender = new TwilioSender("sms", client, properties(null), null);
		fake.answerFor(number, TwilioFake.error(400, 21211, "The 'To' number is not a valid phone number."));
		assertThat(sender.send(message(Instant.now()), number)).isInstanceOf(SendOutcome.Rejected.class);
		String other = number();
		fake.answerFor(other, TwilioFake.error(429, 20429, "Too Many Requests").withHeader("Retry-After", "7"));
		SendOutcome limited = sender.send(message(Instant.now()), other);
		assertThat(limited).isInstanceOf(SendOutcome.Retry.class);
		assertThat(((SendOutcome.Retry) limited).retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(((SendOutcome.Retry) limited).providerFault()).isFalse();
		// One attempt per send: the SDK's own quick retries of a 5xx are switched off.
		String third = number();
		fake.answerFor(third, TwilioFake.error(500, 20500, "Internal Server Error"));
		assertThat(sender.send(message(Instant.now()), third)).isInstanceOf(SendOutcome.Retry.class);
		assertThat(fake.requestsTo(third)).hasSize(1);
		String fourth = number();
		fake.answerFor(fourth, TwilioFake.created().withFixedDelay(3_000));
		TwilioSender impatient = new TwilioSender("sms",
				new TwilioRestClient.Builder(ChannelTest.ACCOUNT_SID, ChannelTest.AUTH_TOKEN)
					.httpClient(new TwilioHttpClient(ProviderFakes.baseUrl(), Duration.ofSeconds(5),
							Duration.ofMillis(500)))
					.build(),
				properties(null), null);
		assertThat(impatient.send(message(Instant.now()), fourth)).isInstanceOf(SendOutcome.Unknown.class);
	}
}
