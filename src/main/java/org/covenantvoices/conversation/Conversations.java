package org.covenantvoices.conversation;

import java.util.List;

/** What channels use: hand over a message, have it processed in order, collect what to send. */
public interface Conversations {

	/**
	 * Stores a message durably, once per provider id. Only after this returns may a channel acknowledge it.
	 */
	Receipt receive(InboundMessage message);

	/**
	 * Processes the participant's waiting messages in the order they arrived, then claims the replies queued for this
	 * message (and any earlier ones still waiting) for a channel that answers in the same request, like the simulator.
	 *
	 * @throws ConversationUnavailableException where Redis or the database is down, or the person's earlier message
	 * takes too long; the message stays stored and is processed later
	 */
	List<Reply> processAndClaimReplies(Receipt receipt);

	/** Processes the participant's waiting messages in order, for channels that send through the outbox. */
	void process(String participantId);

	/**
	 * Takes back a stored message that has not been processed, for a channel that must answer "not kept, try again".
	 *
	 * @return false where it was processed meanwhile
	 */
	boolean withdraw(Receipt receipt);

	/**
	 * People with stored messages not processed yet (among the oldest waiting), oldest first: what a channel's
	 * processing queue takes back once it has room again after being full. Empty when nothing waits.
	 */
	List<Waiting> backlog(int limit);

	/** @param channel the channel of the person's first waiting message */
	record Waiting(String participantId, String channel) {
	}
}
