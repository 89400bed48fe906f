package org.covenantvoices.channel.telegram;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Telegram. With no bot token the channel is off.
 *
 * @param webhookSecret the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}; required in webhook mode
 * @param mode webhook (Telegram calls us) or polling (we ask Telegram, for deployments without a public address)
 * @param apiBaseUrl where the Bot API is; tests point it at a fake
 * @param registerWebhook call setWebhook at start-up with PUBLIC_BASE_URL and the secret
 * @param responseTimeout how long a send waits for Telegram's answer; a send with no answer is never repeated
 */
@ConfigurationProperties("covenant.telegram")
record TelegramProperties(String botToken, String webhookSecret, @DefaultValue("webhook") String mode,
		@DefaultValue("https://api.telegram.org") String apiBaseUrl, @DefaultValue("false") boolean registerWebhook,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration responseTimeout,
		@DefaultValue("50") int pollTimeoutSeconds) {

	boolean configured() {
		return botToken != null && !botToken.isBlank();
	}

	boolean polling() {
		return "polling".equalsIgnoreCase(mode == null ? "" : mode.strip());
	}

	boolean hasSecret() {
		return webhookSecret != null && !webhookSecret.isBlank();
	}
}
