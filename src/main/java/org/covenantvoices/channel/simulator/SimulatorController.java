package org.covenantvoices.channel.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.covenantvoices.conversation.ConversationUnavailableException;
import org.covenantvoices.conversation.Conversations;
import org.covenantvoices.conversation.InboundMessage;
import org.covenantvoices.conversation.Receipt;
import org.covenantvoices.conversation.Reply;
import org.covenantvoices.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web channel with the same engine, record and rules as a real one, for trying the conversation and for tests.
 * It answers in the same request, so it processes the message before replying.
 */
@RestController
class SimulatorController {

	static final String CHANNEL = "simulator";

	/** The longest message a real channel carries (Telegram and WhatsApp: 4,096 characters). */
	static final int MAX_TEXT = 4096;

	private static final Logger log = LoggerFactory.getLogger(SimulatorController.class);

	private final Conversations conversations;

	private final boolean enabled;

	SimulatorController(Conversations conversations, SimulatorProperties properties, Deployment deployment) {
		this.conversations = conversations;
		this.enabled = properties.enabled() != null ? properties.enabled() : deployment.localMode();
	}

	@PostMapping(path = "/api/simulator/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> message(@RequestBody(required = false) SimulatorMessage message) {
		if (!enabled) {
			return error(HttpStatus.NOT_FOUND, "The simulator is switched off here (SIMULATOR_ENABLED=false).");
		}
		if (message == null) {
			return error(HttpStatus.BAD_REQUEST, "Send a JSON body like {\"from\": \"+447700900123\", \"text\": \"Hi\"}.");
		}
		String problem = message.problem();
		if (problem != null) {
			return error(HttpStatus.BAD_REQUEST, problem);
		}
		String providerId = message.messageId() != null ? message.messageId() : UUID.randomUUID().toString();
		Receipt receipt;
		try {
			receipt = conversations
				.receive(new InboundMessage(CHANNEL, message.from().strip(), providerId, message.text(), Instant.now()));
		}
		catch (RuntimeException e) {
			log.warn("Simulator message not stored: {}", e.toString());
			return error(HttpStatus.SERVICE_UNAVAILABLE, "We could not keep your message. Please try again soon.");
		}
		try {
			List<String> replies = conversations.processAndClaimReplies(receipt).stream().map(Reply::text).toList();
			return ResponseEntity.ok(Map.of("replies", replies));
		}
		catch (ConversationUnavailableException e) {
			log.warn("Simulator message not processed: {}", e.getMessage());
			if (withdrawn(receipt)) {
				return error(HttpStatus.SERVICE_UNAVAILABLE,
						"We could not handle your message just now, so we did not keep it. Please try again soon.");
			}
			return error(HttpStatus.SERVICE_UNAVAILABLE,
					"Your message is kept and will be handled soon. Please check back in a minute.");
		}
	}

	private boolean withdrawn(Receipt receipt) {
		try {
			return conversations.withdraw(receipt);
		}
		catch (RuntimeException e) {
			return false; // still stored: the recovery sweep will handle it
		}
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String reason) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", reason));
	}

	/**
	 * @param messageId optional: a retry with the same id has no second effect
	 */
	record SimulatorMessage(String from, String text, String messageId) {

		String problem() {
			if (from == null || from.isBlank()) {
				return "\"from\" is required: who is sending, for example \"+447700900123\".";
			}
			if (from.length() > 64 || from.chars().anyMatch(Character::isISOControl)) {
				return "\"from\" must be a short name or number, up to 64 characters.";
			}
			if (text == null) {
				return "\"text\" is required: the message to send.";
			}
			if (text.codePointCount(0, text.length()) > MAX_TEXT) {
				return "\"text\" is too long: at most " + MAX_TEXT + " characters, as on a real phone.";
			}
			if (messageId != null && (messageId.isBlank() || messageId.length() > 100)) {
				return "\"messageId\" must be 1 to 100 characters.";
			}
			return null;
		}
	}
}
