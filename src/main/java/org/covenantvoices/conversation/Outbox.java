package org.covenantvoices.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue of messages for channels that send on their own (SMS, WhatsApp, Telegram). Any number of instances may
 * drain it at once: each message is claimed by one, and {@link #hand} is the sent-guard that makes sure nothing is
 * handed to a provider twice, even across a crash.
 */
public interface Outbox {

	/**
	 * Claims due messages for a channel: conversation replies before campaign messages, and for each person only
	 * their oldest waiting message, so one person's messages go out in order.
	 */
	List<OutboundMessage> claim(String channel, int limit);

	/**
	 * Queues campaign messages (kind {@code reminder}, sent after every waiting conversation reply), one per person,
	 * in one statement. Joins the caller's transaction.
	 *
	 * @param texts each person's message, by participant id
	 * @return each message's id, by participant id
	 */
	Map<String, Long> queueReminders(String channel, Map<String, String> texts);

	/** How many reminders wait in the queue for a channel (not yet claimed). */
	int queuedReminders(String channel);

	/**
	 * Takes back reminders that were not yet claimed (a campaign was cancelled): they end as undeliverable with this
	 * reason.
	 *
	 * @return the ids of those taken back
	 */
	List<Long> withdrawReminders(Collection<Long> messageIds, String errorCode, String reason);

	/**
	 * The sent-guard, called just before the provider call.
	 *
	 * @return false where the message was handed before (or is no longer claimed): do not send it
	 */
	boolean hand(OutboundMessage message);

	/** Takes back a hand-over that never reached the provider, and queues the message again. */
	void unhand(OutboundMessage message, Instant notBefore);

	/** The provider took these, recorded in one statement. */
	void sent(Collection<Sent> messages);

	/** What a provider gave back for a message it took. */
	record Sent(OutboundMessage message, String providerMessageId, int segments) {
	}

	/** The provider certainly did not take it: try again at {@code notBefore}. */
	void retry(OutboundMessage message, String errorCode, String reason, Instant notBefore);

	/** Not tried (rate limit, circuit open): back to the queue without counting an attempt. */
	void release(OutboundMessage message, Instant notBefore);

	/** It will not be sent: a permanent provider error, an opt-out, or an unknown outcome that must not repeat. */
	void failed(OutboundMessage message, String errorCode, String reason);

	/** Deliberately not sent, e.g. to a stopped participant or outside WhatsApp's 24-hour window. */
	void skipped(OutboundMessage message, String errorCode, String reason);

	/**
	 * A provider's delivery report, matched by its message id.
	 *
	 * @return the participant the message was for, where it was found
	 */
	Optional<String> reportDelivery(Collection<String> channels, String providerMessageId, DeliveryStatus status,
			String errorCode);

	/**
	 * Messages claimed longer ago than {@code lease} by an instance that died: those never handed go back to the
	 * queue, those handed are failed as "outcome unknown" and never handed again.
	 *
	 * @return how many were put back or failed
	 */
	int recoverAbandoned(Duration lease);
}
