package org.covenantvoices.channel.sms;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio, for SMS and WhatsApp. With no account SID or auth token, both channels are off.
 *
 * @param from the SMS sender number, used where no messaging service is set
 * @param messagingServiceSid sends through this messaging service (sender pool, opt-out handling) where set
 * @param whatsappFrom the WhatsApp sender, as +447700900123 (the {@code whatsapp:} prefix is added)
 * @param apiBaseUrl where Twilio's REST API is; tests point it at a fake
 * @param allowUnsigned accept webhooks without a valid signature: only honoured in local mode, for trying things out
 * @param allowedCountries where inbound numbers may come from (ISO codes); others are ignored: SMS-pumping protection
 * @param whatsappTemplateSid the content template sent in place of a free-form WhatsApp message outside the 24-hour
 * window; unset, such messages are skipped with the reason recorded
 * @param responseTimeout how long a send waits for Twilio's answer; a send with no answer is never repeated
 */
@ConfigurationProperties("covenant.twilio")
record TwilioProperties(String accountSid, String authToken, String from, String messagingServiceSid,
		String whatsappFrom, @DefaultValue("https://api.twilio.com") String apiBaseUrl,
		@DefaultValue("false") boolean allowUnsigned, @DefaultValue("GB") List<String> allowedCountries,
		String whatsappTemplateSid, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration responseTimeout) {

	boolean configured() {
		return present(accountSid) && present(authToken);
	}

	boolean smsSender() {
		return configured() && (present(from) || present(messagingServiceSid));
	}

	boolean whatsappSender() {
		return configured() && (present(whatsappFrom) || present(messagingServiceSid));
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}
}
