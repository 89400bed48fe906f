package org.covenantvoices.conversation;

/**
 * Conversation traffic over a period.
 *
 * @param messagesReceived messages from participants, on every channel
 * @param repliesQueued messages to participants, queued or already sent
 * @param conversationsStarted people who sent their first message
 * @param conversationsFinished people who reached the end
 */
public record ConversationActivity(long messagesReceived, long repliesQueued, long conversationsStarted,
		long conversationsFinished) {
}
