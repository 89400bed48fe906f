package org.covenantvoices.conversation;

/** A dependency (Redis or PostgreSQL) is down, or the participant's earlier message is still being handled. */
public class ConversationUnavailableException extends RuntimeException {

	public ConversationUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
