package org.covenantvoices.channel.sms;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.covenantvoices.channel.courier.Intake;
import org.covenantvoices.channel.courier.IntakeUnavailableException;
import org.covenantvoices.channel.courier.Webhooks;
import org.covenantvoices.conversation.DeliveryStatus;
import org.covenantvoices.conversation.InboundMessage;
import org.covenantvoices.conversation.Outbox;
import org.covenantvoices.participant.Participants;
import org.covenantvoices.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks for SMS and WhatsApp. Each request is checked against its {@code X-Twilio-Signature}, stored,
 * and answered with empty TwiML at once: replies go through the outbox, never in the webhook's answer.
 */
@RestController
class TwilioWebhooks {

	static final String INBOUND_PATH = "/webhooks/twilio/sms";

	static final String STATUS_PATH = "/webhooks/twilio/status";

	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

	private final TwilioProperties properties;

	private final Intake intake;

	private final Outbox outbox;

	private final Participants participants;

	private final TwilioSignatures validator;

	private final String publicBaseUrl;

	private final boolean allowUnsigned;

	private final Set<String> allowedCountries;

	TwilioWebhooks(TwilioProperties properties, Intake intake, Outbox outbox, Participants participants,
			Deployment deployment, @Value("${covenant.public-base-url:}") String publicBaseUrl) {
		this.properties = properties;
		this.intake = intake;
		this.outbox = outbox;
		this.participants = participants;
		this.validator = properties.configured() ? new TwilioSignatures(properties.authToken()) : null;
		this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
		this.allowedCountries = properties.allowedCountries()
			.stream()
			.map(country -> country.strip().toUpperCase(Locale.ROOT))
			.collect(Collectors.toSet());
		if (properties.allowUnsigned() && !deployment.localMode()) {
			log.warn("covenant.twilio.allow-unsigned is ignored: it only works in local mode");
		}
		this.allowUnsigned = properties.allowUnsigned() && deployment.localMode();
		if (this.allowUnsigned) {
			log.warn("Twilio webhooks accept UNSIGNED requests (local mode, covenant.twilio.allow-unsigned=true)");
		}
		if (properties.configured() && this.publicBaseUrl.isEmpty()) {
			log.warn("PUBLIC_BASE_URL is not set: Twilio signatures are checked against the URL as this server sees it, "
					+ "which fails behind a proxy, and delivery reports are not requested");
		}
	}

	@PostMapping(INBOUND_PATH)
	ResponseEntity<Object> inbound(HttpServletRequest request) {
		Checked checked = check(request);
		if (checked.refusal != null) {
			return checked.refusal;
		}
		Map<String, String> params = checked.params;
		String sid = params.getOrDefault("MessageSid", params.get("SmsMessageSid"));
		String from = params.get("From");
		if (blank(sid) || blank(from)) {
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "MessageSid and From are required.");
		}
		if (sid.length() > 64) {
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "MessageSid is too long.");
		}
		if (!twilioSid(sid)) {
			// Twilio's sids are letters and digits; anything else (a NUL byte, say) is not from Twilio.
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "MessageSid is not a Twilio message sid.");
		}
		String channel = TwilioSender.SMS;
		String number = from.strip();
		if (number.regionMatches(true, 0, "whatsapp:", 0, 9)) {
			channel = TwilioSender.WHATSAPP;
			number = number.substring(9);
		}
		Optional<PhoneNumbers.Number> parsed = PhoneNumbers.parse(number);
		if (parsed.isEmpty()) {
			log.info("Ignored a {} message from something that is not a phone number", channel);
			return twiml();
		}
		if (!allowedCountries.contains(parsed.get().region())) {
			// SMS pumping: answering numbers abroad costs money and helps no one here. No reply, no record.
			log.info("Ignored a {} message from a number in {} (allowed: {})", channel, parsed.get().region(),
					allowedCountries);
			return twiml();
		}
		String text = params.getOrDefault("Body", "");
		try {
			Intake.Admission admission = intake
				.admit(new InboundMessage(channel, parsed.get().e164(), sid, text, Instant.now()));
			if (admission == Intake.Admission.TOO_MANY) {
				return Webhooks.refuse(HttpStatus.TOO_MANY_REQUESTS,
						"Too many messages from this number; they are not kept.");
			}
			return twiml();
		}
		catch (IntakeUnavailableException e) {
			log.warn("A {} message was not stored, so not acknowledged: {}", channel, e.getMessage());
			return Webhooks.refuse(HttpStatus.SERVICE_UNAVAILABLE, "The message could not be stored. Try again.");
		}
	}

	@PostMapping(STATUS_PATH)
	ResponseEntity<Object> status(HttpServletRequest request) {
		Checked checked = check(request);
		if (checked.refusal != null) {
			return checked.refusal;
		}
		String sid = checked.params.getOrDefault("MessageSid", checked.params.get("SmsSid"));
		String reported = checked.params.getOrDefault("MessageStatus", checked.params.get("SmsStatus"));
		if (blank(sid) || blank(reported)) {
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "MessageSid and MessageStatus are required.");
		}
		if (sid.length() > 64 || !twilioSid(sid)) {
			// As for messages: PostgreSQL cannot even compare a NUL byte, so such a report would look like an outage.
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "MessageSid is not a Twilio message sid.");
		}
		Optional<DeliveryStatus> status = DeliveryStatus.fromTwilio(reported);
		if (status.isEmpty()) {
			return ResponseEntity.noContent().build();
		}
		String errorCode = blank(checked.params.get("ErrorCode")) ? null : checked.params.get("ErrorCode").strip();
		if (errorCode != null && (errorCode.length() > 16 || errorCode.chars().anyMatch(Character::isISOControl))) {
			return Webhooks.refuse(HttpStatus.BAD_REQUEST, "ErrorCode is not a Twilio error code.");
		}
		try {
			Optional<String> participant = outbox.reportDelivery(List.of(TwilioSender.SMS, TwilioSender.WHATSAPP), sid,
					status.get(), errorCode);
			if (participant.isPresent() && "21610".equals(errorCode)) {
				participants.stop(participant.get());
			}
			return ResponseEntity.noContent().build();
		}
		catch (RuntimeException e) {
			log.warn("A delivery report was not recorded: {}", e.toString());
			return Webhooks.refuse(HttpStatus.SERVICE_UNAVAILABLE, "The report could not be recorded. Try again.");
		}
	}

	/** Either the request's form fields, signed by our auth token, or the answer refusing it. */
	private record Checked(Map<String, String> params, ResponseEntity<Object> refusal) {
	}

	private Checked check(HttpServletRequest request) {
		if (validator == null) {
			return refused(HttpStatus.NOT_FOUND,
					"SMS and WhatsApp are not set up here: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.");
		}
		if (!Webhooks.hasContentType(request, MediaType.APPLICATION_FORM_URLENCODED)) {
			return refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Twilio webhooks are form-encoded (application/x-www-form-urlencoded).");
		}
		Map<String, String> params;
		try {
			params = form(request);
		}
		catch (Webhooks.TooLarge e) {
			return refused(HttpStatus.BAD_REQUEST, "The body is too large.");
		}
		catch (IllegalArgumentException e) {
			return refused(HttpStatus.BAD_REQUEST, "The body is not valid form encoding.");
		}
		catch (IOException e) {
			return refused(HttpStatus.BAD_REQUEST, "The body could not be read.");
		}
		String signature = request.getHeader("X-Twilio-Signature");
		boolean valid = signature != null && !signature.isBlank()
				&& validator.valid(signedUrl(request), params, signature.strip());
		if (!valid && !allowUnsigned) {
			log.warn("Refused a request to {} with a {} Twilio signature", request.getRequestURI(),
					signature == null ? "missing" : "wrong");
			return refused(HttpStatus.FORBIDDEN, "The X-Twilio-Signature is missing or wrong.");
		}
		String account = params.get("AccountSid");
		if (account != null && !account.equals(properties.accountSid())) {
			return refused(HttpStatus.FORBIDDEN, "This request is for another Twilio account.");
		}
		if (params.isEmpty()) {
			return refused(HttpStatus.BAD_REQUEST, "The body is empty.");
		}
		return new Checked(params, null);
	}

	private static Checked refused(HttpStatus status, String reason) {
		return new Checked(null, Webhooks.refuse(status, reason));
	}

	/**
	 * The URL Twilio signed: the public address it was given plus the path and query, whatever proxies did to the
	 * request on its way here. The validator tries it with and without the default port, as Twilio may sign either.
	 */
	private String signedUrl(HttpServletRequest request) {
		String query = request.getQueryString();
		String base = publicBaseUrl.isEmpty() ? request.getRequestURL().toString()
				: publicBaseUrl + request.getRequestURI();
		return query == null ? base : base + "?" + query;
	}

	/** The POST fields as sent: query parameters are part of the signed URL, not of these. */
	private static Map<String, String> form(HttpServletRequest request) throws Webhooks.TooLarge, IOException {
		byte[] body = Webhooks.body(request);
		Map<String, String> params = new HashMap<>();
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.isBlank()) {
			return params;
		}
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			if (params.putIfAbsent(name, value) != null) {
				throw new IllegalArgumentException("repeated field " + name);
			}
		}
		return params;
	}

	private static ResponseEntity<Object> twiml() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
	}

	private static boolean twilioSid(String sid) {
		return sid.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
