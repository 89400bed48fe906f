package org.covenantvoices.participant;

/**
 * One consent decision, with the exact words the person was shown when they made it.
 */
public record Consent(String participantId, Purpose purpose, Decision decision, String channel, String language,
		String scriptVersion, String wording) {

	public enum Purpose {
		/** Taking part in the consultation: we keep their answers. */
		CONSULTATION,
		/** Hearing from us again, e.g. when the Covenant is published. */
		UPDATES
	}

	public enum Decision {
		GIVEN, DECLINED, WITHDRAWN
	}
}
