package org.covenantvoices.channel.telegram;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Telegram's updates, read with the Jackson 2 the library is built on, and turned into what the engine reads. */
final class TelegramUpdates {

	/** TelegramBots' model is Jackson 2; Boot's own mapper is Jackson 3 and cannot read it. */
	static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private TelegramUpdates() {
	}

	/**
	 * What a person said.
	 *
	 * @param chatId the chat's id: a person's, or a group's (everyone in a group is one participant)
	 * @param callbackQueryId set for a button press, which Telegram wants answered
	 */
	record Said(String chatId, String text, String callbackQueryId) {
	}

	/** @throws IOException where the body is not an update */
	static Update parse(byte[] body) throws IOException {
		return JSON.readValue(body, Update.class);
	}

	/** @return empty for updates without text for the engine: photos, edits, members joining */
	static Optional<Said> said(Update update) {
		if (update.hasCallbackQuery()) {
			CallbackQuery query = update.getCallbackQuery();
			if (query.getMessage() == null || query.getData() == null) {
				return Optional.of(new Said(null, null, query.getId()));
			}
			// A button sends its option's word, exactly as if typed.
			return Optional.of(new Said(query.getMessage().getChatId().toString(), query.getData(), query.getId()));
		}
		if (update.hasMessage()) {
			Message message = update.getMessage();
			if (!message.hasText() || message.getChatId() == null) {
				return Optional.empty();
			}
			return Optional.of(new Said(message.getChatId().toString(), text(message.getText()), null));
		}
		return Optional.empty();
	}

	/** {@code /start PAYLOAD} (a deep link, such as an event's join code) hands the engine the payload. */
	static String text(String text) {
		String trimmed = text.strip();
		if (trimmed.startsWith("/start")) {
			String rest = trimmed.substring("/start".length());
			if (rest.startsWith("@")) {
				int space = rest.indexOf(' ');
				rest = space < 0 ? "" : rest.substring(space);
			}
			if (rest.isEmpty() || Character.isWhitespace(rest.charAt(0))) {
				String payload = rest.strip();
				return payload.isEmpty() ? "/start" : payload;
			}
		}
		return text;
	}
}
