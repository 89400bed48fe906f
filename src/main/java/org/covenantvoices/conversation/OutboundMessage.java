package org.covenantvoices.conversation;

import java.time.Instant;
import java.util.List;

import org.covenantvoices.participant.ParticipantStatus;

/**
 * A message claimed from the outbox for a channel to send.
 *
 * @param kind reply, reminder or notice (a notice, like the STOP confirmation, goes even to someone who opted out)
 * @param options the answers a channel may offer as buttons; empty for most messages
 * @param attempts how many times it was handed to the provider before
 * @param recipientStatus the participant's status when the message was claimed
 * @param lastInboundAt when the person last wrote on this channel (WhatsApp's 24-hour window), or null
 */
public record OutboundMessage(long id, String participantId, String channel, String kind, String text,
		List<ReplyOption> options, int attempts, ParticipantStatus recipientStatus, Instant lastInboundAt) {

	/** Only the one confirmation of STOP or FORGET may reach someone who is not active. */
	public boolean mayReachRecipient() {
		return recipientStatus == ParticipantStatus.ACTIVE || "notice".equals(kind);
	}
}
