package org.covenantvoices.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Optionally tells Telegram where the webhook is, with the secret it must send, once the service is ready. */
@Component
class TelegramWebhookRegistration {

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistration.class);

	private final TelegramProperties properties;

	private final ObjectProvider<TelegramClient> client;

	private final String publicBaseUrl;

	TelegramWebhookRegistration(TelegramProperties properties, ObjectProvider<TelegramClient> client,
			@Value("${covenant.public-base-url:}") String publicBaseUrl) {
		this.properties = properties;
		this.client = client;
		this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
	}

	@EventListener(ApplicationReadyEvent.class)
	void register() {
		if (!properties.configured() || properties.polling() || !properties.registerWebhook()) {
			return;
		}
		if (publicBaseUrl.isEmpty() || !properties.hasSecret()) {
			log.warn("Telegram webhook not registered: set PUBLIC_BASE_URL and TELEGRAM_WEBHOOK_SECRET");
			return;
		}
		String url = publicBaseUrl + TelegramWebhook.PATH;
		try {
			client.getObject()
				.execute(SetWebhook.builder()
					.url(url)
					.secretToken(properties.webhookSecret())
					.allowedUpdates(TelegramPolling.ALLOWED_UPDATES)
					.build());
			log.info("Telegram webhook registered at {}", url);
		}
		catch (Exception e) {
			log.error("Telegram webhook not registered at {}: {}", url, e.toString());
		}
	}
}
