package org.covenantvoices.console.pages;

import org.covenantvoices.record.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * How participants join an event on each channel, from the service's own numbers and bot name. Where a channel is
 * not set up the page says so instead of printing a number that does not work.
 */
@Component
class JoinInstructions {

	private final String smsNumber;

	private final String whatsappNumber;

	private final String telegramBot;

	JoinInstructions(@Value("${covenant.twilio.from:}") String smsNumber,
			@Value("${covenant.twilio.whatsapp-from:}") String whatsappNumber,
			@Value("${covenant.console.telegram-bot:}") String telegramBot) {
		this.smsNumber = blankToNull(smsNumber);
		this.whatsappNumber = blankToNull(whatsappNumber);
		String bot = blankToNull(telegramBot);
		this.telegramBot = bot == null ? null : bot.replaceFirst("^@", "");
	}

	Instructions forEvent(Event event) {
		String code = event.joinCode();
		String telegram = telegramBot == null ? null
				: "https://t.me/" + UriUtils.encodePathSegment(telegramBot, java.nio.charset.StandardCharsets.UTF_8)
						+ "?start=" + code;
		String sms = smsNumber == null ? null : "sms:" + smsNumber.replace(" ", "") + "?body=" + code;
		return new Instructions(code, smsNumber, whatsappNumber, telegramBot, telegram, sms);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * @param telegramLink Telegram's deep link, which starts the bot with the join code; null without a bot name
	 * @param smsLink an sms: link that opens a text to the service with the code typed in; null without a number
	 */
	public record Instructions(String joinCode, String smsNumber, String whatsappNumber, String telegramBot,
			String telegramLink, String smsLink) {

		/** What the QR code carries: the Telegram link where there is one, else the text message, else the code. */
		public String qrContents() {
			if (telegramLink != null) {
				return telegramLink;
			}
			return smsLink != null ? smsLink : joinCode;
		}

		public String qrDescription() {
			if (telegramLink != null) {
				return "QR code: opens Telegram and joins event " + joinCode;
			}
			return smsLink != null ? "QR code: starts a text message with the join code " + joinCode
					: "QR code: the join code " + joinCode;
		}
	}
}
