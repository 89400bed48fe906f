package org.covenantvoices.conversation;

/**
 * Proof that a message is stored durably.
 *
 * @param duplicate the provider delivered this message before; it has no second effect
 */
public record Receipt(long messageId, String participantId, boolean duplicate) {
}
