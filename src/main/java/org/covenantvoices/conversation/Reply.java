package org.covenantvoices.conversation;

/** A message queued for a participant. */
public record Reply(long id, String text) {
}
