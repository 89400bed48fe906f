package org.covenantvoices.channel.courier;

/** The message could not be stored: answer 503 so that the provider tries again. */
public class IntakeUnavailableException extends RuntimeException {

	public IntakeUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
