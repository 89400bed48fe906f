package org.covenantvoices.participant;

public enum ParticipantStatus {

	/** Takes part and may receive messages. */
	ACTIVE,
	/** Said STOP: receives nothing until they say START. */
	STOPPED,
	/** Said FORGET: personal data is gone, answers remain only as anonymous text. */
	ERASED;

	public String dbValue() {
		return name().toLowerCase();
	}

	public static ParticipantStatus fromDb(String value) {
		return valueOf(value.toUpperCase());
	}
}
