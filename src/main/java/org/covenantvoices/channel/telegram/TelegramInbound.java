package org.covenantvoices.channel.telegram;

import java.time.Instant;
import java.util.Optional;

import org.covenantvoices.channel.courier.Intake;
import org.covenantvoices.conversation.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** One verified update, from the webhook or from long polling: the same path into the conversation. */
@Component
class TelegramInbound {

	private static final Logger log = LoggerFactory.getLogger(TelegramInbound.class);

	private final Intake intake;

	private final ObjectProvider<TelegramClient> client;

	TelegramInbound(Intake intake, ObjectProvider<TelegramClient> client) {
		this.intake = intake;
		this.client = client;
	}

	/**
	 * @throws org.covenantvoices.channel.courier.IntakeUnavailableException where it could not be stored
	 */
	void handle(Update update) {
		Optional<TelegramUpdates.Said> said = TelegramUpdates.said(update);
		if (said.isEmpty()) {
			return; // nothing for the engine: a photo, an edit, a member joining
		}
		if (said.get().callbackQueryId() != null) {
			// Telegram shows a spinner on the button until this arrives, whatever became of the press.
			answerCallback(said.get().callbackQueryId());
		}
		if (said.get().chatId() == null) {
			return;
		}
		Intake.Admission admission = intake.admit(new InboundMessage(TelegramSender.CHANNEL, said.get().chatId(),
				update.getUpdateId().toString(), said.get().text(), Instant.now()));
		if (admission == Intake.Admission.TOO_MANY) {
			// Refusing would make Telegram redeliver it and hold back every later update: drop it instead.
			log.warn("Dropped a Telegram message from a chat sending too many");
		}
	}

	private void answerCallback(String callbackQueryId) {
		TelegramClient telegram = client.getIfAvailable();
		if (telegram == null) {
			return;
		}
		try {
			telegram.executeAsync(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build())
				.whenComplete((ok, error) -> {
					if (error != null) {
						log.info("answerCallbackQuery failed: {}", error.toString());
					}
				});
		}
		catch (Exception e) {
			log.info("answerCallbackQuery failed: {}", e.toString());
		}
	}
}
