package org.covenantvoices.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test of the real channels: the whole service with Twilio and Telegram configured against {@link ProviderFakes}.
 * All channel tests share these settings, and so one running service.
 */
public abstract class ChannelTest extends IntegrationTest {

	public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

	public static final String AUTH_TOKEN = "twilio-test-auth-token";

	public static final String TWILIO_FROM = "+447700900001";

	public static final String WHATSAPP_FROM = "+447700900002";

	public static final String BOT_TOKEN = "123456:test-bot-token";

	public static final String TELEGRAM_SECRET = "telegram-test-secret_0123456789";

	/** Twilio signs the URL it was given, which is the public one, not the one this server sees. */
	public static final String PUBLIC_BASE_URL = "https://voices.example.test";

	protected TwilioFake twilio;

	protected TelegramFake telegram;

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		channelProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	public static Map<String, String> channelProperties() {
		Map<String, String> p = new TreeMap<>();
		p.put("covenant.public-base-url", PUBLIC_BASE_URL);
		p.put("covenant.twilio.account-sid", ACCOUNT_SID);
		p.put("covenant.twilio.auth-token", AUTH_TOKEN);
		p.put("covenant.twilio.from", TWILIO_FROM);
		p.put("covenant.twilio.whatsapp-from", WHATSAPP_FROM);
		p.put("covenant.twilio.api-base-url", ProviderFakes.baseUrl());
		p.put("covenant.telegram.bot-token", BOT_TOKEN);
		p.put("covenant.telegram.webhook-secret", TELEGRAM_SECRET);
		p.put("covenant.telegram.api-base-url", ProviderFakes.baseUrl());
		// Retries come quickly in tests; the logic is the same.
		p.put("covenant.channels.outbox.retry-base", "300ms");
		p.put("covenant.channels.outbox.retry-max", "2s");
		p.put("covenant.channels.outbox.sweep-interval", "300ms");
		p.put("covenant.channels.outbox.max-attempts", "6");
		p.put("covenant.channels.outbox.recovery-interval", "1s");
		p.put("covenant.channels.rates.sms", "50");
		p.put("covenant.channels.rates.telegram", "30");
		p.put("resilience4j.circuitbreaker.configs.provider.wait-duration-in-open-state", "2s");
		return p;
	}

	/** The settings of {@link IntegrationTest} and these, for starting another instance like this one. */
	public static String[] instanceOverrides(String... more) {
		Map<String, String> all = new TreeMap<>(channelProperties());
		for (String override : more) {
			int eq = override.indexOf('=');
			all.put(override.substring(0, eq), override.substring(eq + 1));
		}
		return all.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	@BeforeEach
	void fakes() {
		WireMockServer server = ProviderFakes.server();
		twilio = new TwilioFake(server);
		telegram = new TelegramFake(server);
		twilio.acceptMessages();
		telegram.acceptEverything();
	}

	/** An SMS (or, from a whatsapp: address, a WhatsApp message) as Twilio posts it to us: a new MessageSid each time. */
	public static Map<String, String> twilioMessage(String from, String body) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
		params.put("AccountSid", ACCOUNT_SID);
		params.put("From", from);
		params.put("To", from.startsWith("whatsapp:") ? "whatsapp:" + WHATSAPP_FROM : TWILIO_FROM);
		params.put("Body", body);
		return params;
	}

	/** The header Twilio signs these fields with, posted to this path of our public address. */
	public static Map<String, String> twilioSignature(String path, Map<String, String> params) {
		return Map.of("X-Twilio-Signature", TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + path, params));
	}

	public static String form(Map<String, String> params) {
		StringBuilder body = new StringBuilder();
		params.forEach((name, value) -> {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return body.toString();
	}
}
