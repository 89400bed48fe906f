package org.covenantvoices.channel.simulator;

import java.util.Map;

import org.covenantvoices.channel.Simulator;
import org.covenantvoices.channel.SimulatorExchange;
import org.covenantvoices.conversation.Reply;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The simulator as JSON, for trying the conversation from the command line and for tests. */
@RestController
class SimulatorController {

	private final Simulator simulator;

	SimulatorController(Simulator simulator) {
		this.simulator = simulator;
	}

	@PostMapping(path = "/api/simulator/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> message(@RequestBody(required = false) SimulatorMessage message) {
		if (!simulator.enabled()) {
			return error(HttpStatus.NOT_FOUND, "The simulator is switched off here (SIMULATOR_ENABLED=false).");
		}
		if (message == null) {
			return error(HttpStatus.BAD_REQUEST, "Send a JSON body like {\"from\": \"+447700900123\", \"text\": \"Hi\"}.");
		}
		String problem = message.problem();
		if (problem != null) {
			return error(HttpStatus.BAD_REQUEST, problem);
		}
		SimulatorExchange exchange = simulator.send(message.from(), message.text(), message.messageId());
		return switch (exchange.outcome()) {
			case ANSWERED -> ResponseEntity.ok(Map.of("replies", exchange.replies().stream().map(Reply::text).toList()));
			case REFUSED -> error(HttpStatus.BAD_REQUEST, exchange.reason());
			case SWITCHED_OFF -> error(HttpStatus.NOT_FOUND, exchange.reason());
			case NOT_KEPT, KEPT_FOR_LATER -> error(HttpStatus.SERVICE_UNAVAILABLE, exchange.reason());
		};
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
			if (from.length() > Simulator.MAX_FROM || from.chars().anyMatch(Character::isISOControl)) {
				return "\"from\" must be a short name or number, up to " + Simulator.MAX_FROM + " characters.";
			}
			if (text == null) {
				return "\"text\" is required: the message to send.";
			}
			if (text.codePointCount(0, text.length()) > Simulator.MAX_TEXT) {
				return "\"text\" is too long: at most " + Simulator.MAX_TEXT + " characters, as on a real phone.";
			}
			// A control character (a NUL byte, say) cannot be stored: refused here rather than reported as an outage.
			if (messageId != null && (messageId.isBlank() || messageId.length() > 100
					|| messageId.chars().anyMatch(Character::isISOControl))) {
				return "\"messageId\" must be 1 to 100 characters, none of them control characters.";
			}
			return null;
		}
	}
}
