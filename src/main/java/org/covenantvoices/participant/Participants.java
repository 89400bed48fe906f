package org.covenantvoices.participant;

import java.util.Optional;

/**
 * The participant register. Every method joins the caller's transaction where there is one.
 */
public interface Participants {

	/**
	 * Finds the participant behind a channel address, registering a new one on first contact. The address itself is
	 * kept only in encrypted form, apart from the record.
	 */
	Participant identify(String channel, String address);

	Optional<Participant> find(String participantId);

	void chooseLanguage(String participantId, String language);

	/** The person said STOP: nothing more may be sent to them until they say START. */
	void stop(String participantId);

	/** The person said START or UNSTOP. */
	void restart(String participantId);

	void recordConsent(Consent consent);

	void setUpdatesOptIn(String participantId, boolean optIn);

	/**
	 * The person said FORGET. Their personal data goes in this transaction ({@link ParticipantErased} tells the other
	 * modules); only the contact address stays until the last confirmation has been handed to the provider, see
	 * {@link #completeErasure(String)}.
	 */
	void erase(String participantId);

	/** Deletes the contact address of an erased participant, once nothing more will be sent to them. */
	void completeErasure(String participantId);

	/**
	 * A keyed hash of an address, for counting or limiting what arrives from it (for example in Redis) without keeping
	 * the address itself or registering anyone. The same on every instance.
	 */
	String addressKey(String channel, String address);

	/** The decrypted address to send to, if the participant may still be reached. */
	Optional<String> contactAddress(String participantId);
}
