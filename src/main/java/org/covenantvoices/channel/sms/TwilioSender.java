package org.covenantvoices.channel.sms;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.covenantvoices.plainlanguage.SmsSegments;
import org.covenantvoices.channel.courier.ChannelSender;
import org.covenantvoices.channel.courier.SendOutcome;
import org.covenantvoices.conversation.OutboundMessage;
import tools.jackson.databind.json.JsonMapper;

/** Sends SMS or WhatsApp messages with the Twilio SDK's {@code Message.creator}. One instance per channel. */
class TwilioSender implements ChannelSender {

	static final String SMS = "sms";

	static final String WHATSAPP = "whatsapp";

	/** WhatsApp allows free-form messages this long after the person's last message. */
	static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String channel;

	private final TwilioRestClient client;

	private final TwilioProperties properties;

	private final URI statusCallback;

	TwilioSender(String channel, TwilioRestClient client, TwilioProperties properties, URI statusCallback) {
		this.channel = channel;
		this.client = client;
		this.properties = properties;
		this.statusCallback = statusCallback;
	}

	@Override
	public String channel() {
		return channel;
	}

	@Override
	public String provider() {
		return "twilio";
	}

	@Override
	public int cost(OutboundMessage message) {
		return SMS.equals(channel) ? SmsSegments.of(message.text()).segments() : 1;
	}

	@Override
	public SendOutcome refuse(OutboundMessage message) {
		if (WHATSAPP.equals(channel) && outsideWindow(message)
				&& !TwilioProperties.present(properties.whatsappTemplateSid())) {
			return new SendOutcome.Skipped("whatsapp-24h-window",
					"more than 24 hours since the person's last WhatsApp message, and no template "
							+ "(TWILIO_WHATSAPP_TEMPLATE_SID) is set");
		}
		return null;
	}

	private static boolean outsideWindow(OutboundMessage message) {
		// A minute's margin: the window is counted by WhatsApp's clock, not ours.
		return message.lastInboundAt() == null
				|| message.lastInboundAt().isBefore(Instant.now().minus(WHATSAPP_WINDOW).plusSeconds(60));
	}

	@Override
	public SendOutcome send(OutboundMessage message, String address) {
		boolean whatsapp = WHATSAPP.equals(channel);
		boolean template = whatsapp && outsideWindow(message);
		PhoneNumber to = new PhoneNumber(whatsapp ? "whatsapp:" + address : address);
		String body = template ? null : message.text();
		MessageCreator creator = TwilioProperties.present(properties.messagingServiceSid())
				? Message.creator(to, properties.messagingServiceSid(), body)
				: Message.creator(to, new PhoneNumber(whatsapp ? "whatsapp:" + properties.whatsappFrom()
						: properties.from()), body);
		if (template) {
			creator.setContentSid(properties.whatsappTemplateSid());
			creator.setContentVariables(json.writeValueAsString(Map.of("1", message.text())));
		}
		if (statusCallback != null) {
			creator.setStatusCallback(statusCallback);
		}
		TwilioHttpClient.forget();
		try {
			Message sent = creator.create(client);
			return new SendOutcome.Sent(sent.getSid(), segments(sent, message));
		}
		catch (ApiException e) {
			return typed(e);
		}
		catch (ApiConnectionException e) {
			return typed(e);
		}
		finally {
			TwilioHttpClient.forget();
		}
	}

	private int segments(Message sent, OutboundMessage message) {
		try {
			return Integer.parseInt(sent.getNumSegments());
		}
		catch (RuntimeException e) {
			return cost(message);
		}
	}

	/** Twilio's error codes: https://www.twilio.com/docs/api/errors */
	static SendOutcome typed(ApiException e) {
		TwilioHttpClient.LastAnswer answer = TwilioHttpClient.lastAnswer();
		if (answer == null && e.getStatusCode() == null) {
			// No answer came at all: the SDK reports a timeout or a reset as an ApiException too.
			return unanswered(e);
		}
		int status = e.getStatusCode() != null ? e.getStatusCode() : answer.status();
		Integer code = e.getCode();
		String reason = "Twilio " + status + (code != null ? " error " + code : "") + ": " + e.getMessage();
		if (code != null && code == 21610) {
			return new SendOutcome.OptedOut("21610", "the person replied STOP to our number at Twilio");
		}
		if (status == 429 || code != null && code == 20429) {
			return new SendOutcome.Retry(code != null ? code.toString() : "429", reason,
					retryAfter(answer == null ? null : answer.retryAfter()), false);
		}
		if (status >= 500) {
			return new SendOutcome.Retry(code != null ? code.toString() : Integer.toString(status), reason,
					retryAfter(answer == null ? null : answer.retryAfter()), true);
		}
		if (status == 401 || status == 403 && code != null && code == 20003) {
			// Our credentials are wrong: nothing will go until someone fixes them, so wait rather than fail.
			return new SendOutcome.Retry(code != null ? code.toString() : "401", reason, null, true);
		}
		// An invalid or unreachable number, a bad request: trying again changes nothing.
		return new SendOutcome.Rejected(code != null ? code.toString() : Integer.toString(status), reason);
	}

	static SendOutcome typed(ApiConnectionException e) {
		return unanswered(e);
	}

	private static SendOutcome unanswered(RuntimeException e) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectTimeoutException || cause instanceof ConnectException
					|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
				return new SendOutcome.Retry("unreachable", "Twilio could not be reached: " + cause, null, true);
			}
			if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
				return new SendOutcome.Unknown("timeout",
						"Twilio took the request but did not answer in time, so it may have sent it: " + cause);
			}
		}
		// Reset or closed before any answer: Twilio's edge refuses before it creates a message.
		return new SendOutcome.Retry("connection", "the connection to Twilio failed: " + e.getCause(), null, true);
	}

	static Duration retryAfter(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return clamp(Duration.ofSeconds(Long.parseLong(header.strip())));
		}
		catch (NumberFormatException e) {
			try {
				ZonedDateTime when = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
				return clamp(Duration.between(Instant.now(), when.toInstant()));
			}
			catch (RuntimeException notADate) {
				return null;
			}
		}
	}

	private static Duration clamp(Duration wait) {
		if (wait.isNegative()) {
			return Duration.ZERO;
		}
		return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
	}
}
