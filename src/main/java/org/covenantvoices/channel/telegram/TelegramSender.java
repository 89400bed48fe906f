package org.covenantvoices.channel.telegram;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.channel.courier.ChannelSender;
import org.covenantvoices.channel.courier.SendOutcome;
import org.covenantvoices.conversation.OutboundMessage;
import org.covenantvoices.conversation.ReplyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Sends with the Bot API's sendMessage; a question's options become inline keyboard buttons. */
class TelegramSender implements ChannelSender {

	static final String CHANNEL = "telegram";

	/** Telegram refuses longer texts. */
	static final int MAX_TEXT = 4096;

	/** Telegram's limit for a button's callback data, in bytes. */
	static final int MAX_CALLBACK_DATA = 64;

	private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

	private final TelegramClient client;

	TelegramSender(TelegramClient client) {
		this.client = client;
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public String provider() {
		return "telegram";
	}

	@Override
	public SendOutcome send(OutboundMessage message, String chatId) {
		SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(chatId).text(fit(message.text()));
		InlineKeyboardMarkup keyboard = keyboard(message.options());
		if (keyboard != null) {
			send.replyMarkup(keyboard);
		}
		try {
			Message sent = client.execute(send.build());
			return new SendOutcome.Sent(chatId + ":" + sent.getMessageId(), 1);
		}
		catch (TelegramApiRequestException e) {
			return typed(e);
		}
		catch (TelegramApiException e) {
			return typed(e);
		}
	}

	static String fit(String text) {
		if (text.length() <= MAX_TEXT) {
			return text;
		}
		int end = MAX_TEXT - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	/** Buttons for the options; none where an option's word would not fit in a button's callback data. */
	static InlineKeyboardMarkup keyboard(List<ReplyOption> options) {
		if (options == null || options.isEmpty()) {
			return null;
		}
		boolean shortLabels = options.stream().allMatch(o -> o.label().length() <= 16);
		int perRow = shortLabels ? 3 : 1;
		List<InlineKeyboardRow> rows = new ArrayList<>();
		InlineKeyboardRow row = new InlineKeyboardRow();
		for (ReplyOption option : options) {
			if (option.text().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA) {
				log.warn("An option's word is longer than Telegram's 64 bytes of callback data; sending no buttons");
				return null;
			}
			row.add(InlineKeyboardButton.builder().text(option.label()).callbackData(option.text()).build());
			if (row.size() == perRow) {
				rows.add(row);
				row = new InlineKeyboardRow();
			}
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		return InlineKeyboardMarkup.builder().keyboard(rows).build();
	}

	/** The Bot API's errors: https://core.telegram.org/api/errors */
	static SendOutcome typed(TelegramApiRequestException e) {
		Integer code = e.getErrorCode();
		String reason = "Telegram " + (code == null ? "" : code + " ") + e.getApiResponse();
		if (code == null) {
			// An answer that was not the Bot API's JSON: a proxy's error page, say. Nothing was sent.
			return new SendOutcome.Retry("bad-answer", "Telegram's answer could not be read: " + e.getMessage(), null,
					true);
		}
		if (code == 403) {
			// "bot was blocked by the user", "user is deactivated", "bot was kicked from the group chat"
			return new SendOutcome.OptedOut("403", reason);
		}
		if (code == 429) {
			Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
			return new SendOutcome.Retry("429", reason, Duration.ofSeconds(after == null ? 1 : Math.min(after, 3600)),
					false);
		}
		if (code >= 500) {
			return new SendOutcome.Retry(code.toString(), reason, null, true);
		}
		if (code == 401 || code == 404) {
			// A wrong or revoked token: nothing will go until someone fixes it, so wait rather than fail.
			return new SendOutcome.Retry(code.toString(), reason, null, true);
		}
		return new SendOutcome.Rejected(code.toString(), reason);
	}

	static SendOutcome typed(TelegramApiException e) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return new SendOutcome.Retry("unreachable", "Telegram could not be reached: " + cause, null, true);
			}
			if (cause instanceof SocketTimeoutException && "connect timed out".equalsIgnoreCase(cause.getMessage())) {
				return new SendOutcome.Retry("unreachable", "Telegram could not be reached: " + cause, null, true);
			}
			if (cause instanceof InterruptedIOException) {
				return new SendOutcome.Unknown("timeout",
						"Telegram took the request but did not answer in time, so it may have sent it: " + cause);
			}
		}
		return new SendOutcome.Retry("connection", "the connection to Telegram failed: " + e, null, true);
	}
}
