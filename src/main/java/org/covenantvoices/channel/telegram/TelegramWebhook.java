package org.covenantvoices.channel.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import org.covenantvoices.channel.courier.IntakeUnavailableException;
import org.covenantvoices.channel.courier.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Telegram's webhook: the secret header, then the raw body as an {@code Update}. */
@RestController
class TelegramWebhook {

	static final String PATH = "/webhooks/telegram";

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

	private final TelegramProperties properties;

	private final TelegramInbound inbound;

	private final byte[] secret;

	TelegramWebhook(TelegramProperties properties, TelegramInbound inbound) {
		this.properties = properties;
		this.inbound = inbound;
		this.secret = properties.hasSecret() ? properties.webhookSecret().getBytes(StandardCharsets.UTF_8) : null;
	}

	@PostMapping(PATH)
	ResponseEntity<Object> update(HttpServletRequest request) {
		if (!properties.configured()) {
			return Webhooks.refuse(HttpStatus.NOT_FOUND, "Telegram is not set up here: set TELEGRAM_BOT_TOKEN.");
		}
		if (properties.polling()) {
			return Webhooks.refuse(HttpStatus.NOT_FOUND, "Telegram runs in polling mode here (TELEGRAM_MODE=polling).");
		}
		if (secret == null) {
			return Webhooks.refuse(HttpStatus.SERVICE_UNAVAILABLE,
					"The webhook needs a secret: set TELEGRAM_WEBHOOK_SECRET.");
		}
		String given = request.getHeader("X-Telegram-Bot-Api-Secret-Token");
		// Constant time, so the secret cannot be guessed a character at a time.
		if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
			log.warn("Refused a Telegram webhook call with a {} secret", given == null ? "missing" : "wrong");
			return Webhooks.refuse(HttpStatus.FORBIDDEN, "The X-Telegram-Bot-Api-Secret-Token is missing or wrong.");
		}
		if (!Webhooks.hasContentType(request, MediaType.APPLICATION_JSON)) {
			return Webhooks.refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the update as application/json.");
		}
		Update update;
		try {
			byte[] body = Webhooks.body(request);
			if (body.length == 0) {
				return Webhooks.refuse(HttpStatus.BAD_REQUEST, "The body is empty.");
			}
			update = TelegramUpdates.parse(body);
		}
		catch (Webhooks.TooLarge e) {
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "The body is too large.");
		}
		catch (IOException e) {
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "The body is not a Telegram update in JSON.");
		}
		if (update == null || update.getUpdateId() == null) {
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "update_id is required.");
		}
		try {
			inbound.handle(update);
			return ResponseEntity.ok().build();
		}
		catch (IntakeUnavailableException e) {
			log.warn("A Telegram update was not stored, so not acknowledged: {}", e.getMessage());
			return Webhooks.refuse(HttpStatus.SERVICE_UNAVAILABLE, "The update could not be stored. Try again.");
		}
	}
}
