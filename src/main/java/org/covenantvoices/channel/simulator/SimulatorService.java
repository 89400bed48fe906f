package org.covenantvoices.channel.simulator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.covenantvoices.channel.ChannelStatus;
import org.covenantvoices.channel.Simulator;
import org.covenantvoices.channel.SimulatorExchange;
import org.covenantvoices.channel.SimulatorExchange.Outcome;
import org.covenantvoices.channel.internal.ChannelStatusProvider;
import org.covenantvoices.conversation.ConversationUnavailableException;
import org.covenantvoices.conversation.Conversations;
import org.covenantvoices.conversation.InboundMessage;
import org.covenantvoices.conversation.Receipt;
import org.covenantvoices.conversation.Reply;
import org.covenantvoices.participant.Participant;
import org.covenantvoices.participant.Participants;
import org.covenantvoices.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The simulator channel, shared by its JSON API and the console's simulator page. It answers in the same request, so
 * it processes the message before replying.
 */
@Service
class SimulatorService implements Simulator, ChannelStatusProvider {

	static final String CHANNEL = "simulator";

	private static final Logger log = LoggerFactory.getLogger(SimulatorService.class);

	private final Conversations conversations;

	private final Participants participants;

	private final boolean enabled;

	private final boolean configured;

	SimulatorService(Conversations conversations, Participants participants, SimulatorProperties properties,
			Deployment deployment) {
		this.conversations = conversations;
		this.participants = participants;
		this.configured = properties.enabled() != null;
		this.enabled = configured ? properties.enabled() : deployment.localMode();
	}

	@Override
	public boolean enabled() {
		return enabled;
	}

	@Override
	public SimulatorExchange send(String from, String text, String messageId) {
		if (!enabled) {
			return SimulatorExchange.failed(Outcome.SWITCHED_OFF,
					"The simulator is switched off here (SIMULATOR_ENABLED=false).");
		}
		if (from == null || from.isBlank() || from.length() > MAX_FROM || from.chars().anyMatch(Character::isISOControl)) {
			return SimulatorExchange.failed(Outcome.REFUSED,
					"The pretend phone number must be a short name or number, up to " + MAX_FROM + " characters.");
		}
		if (text == null || text.codePointCount(0, text.length()) > MAX_TEXT) {
			return SimulatorExchange.failed(Outcome.REFUSED,
					"A message must be at most " + MAX_TEXT + " characters, as on a real phone.");
		}
		String providerId = messageId != null ? messageId : UUID.randomUUID().toString();
		Receipt receipt;
		try {
			receipt = conversations.receive(new InboundMessage(CHANNEL, from.strip(), providerId, text, Instant.now()));
		}
		catch (RuntimeException e) {
			log.warn("Simulator message not stored: {}", e.toString());
			return SimulatorExchange.failed(Outcome.NOT_KEPT, "We could not keep your message. Please try again soon.");
		}
		try {
			List<Reply> replies = conversations.processAndClaimReplies(receipt);
			return SimulatorExchange.answered(replies, language(receipt.participantId()));
		}
		catch (ConversationUnavailableException e) {
			log.warn("Simulator message not processed: {}", e.getMessage());
			if (withdrawn(receipt)) {
				return SimulatorExchange.failed(Outcome.NOT_KEPT,
						"We could not handle your message just now, so we did not keep it. Please try again soon.");
			}
			return SimulatorExchange.failed(Outcome.KEPT_FOR_LATER,
					"Your message is kept and will be handled soon. Please check back in a minute.");
		}
	}

	@Override
	public ChannelStatus status() {
		if (enabled) {
			return new ChannelStatus(CHANNEL, "Simulator", ChannelStatus.State.READY, configured
					? "On (SIMULATOR_ENABLED=true). Answers go into the record with the source simulator."
					: "On, because the service runs in local mode. Answers go into the record with the source simulator.");
		}
		return new ChannelStatus(CHANNEL, "Simulator", ChannelStatus.State.SWITCHED_OFF,
				"Off. Set SIMULATOR_ENABLED=true to try the conversation from the console.");
	}

	/** For marking up the replies in the right language; a lookup that fails costs the markup, not the answer. */
	private String language(String participantId) {
		try {
			return participants.find(participantId).map(Participant::language).orElse(null);
		}
		catch (RuntimeException e) {
			return null;
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
}
