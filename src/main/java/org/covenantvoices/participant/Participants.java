package org.covenantvoices.participant;

import java.util.Collection;
import java.util.Map;
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

	/**
	 * Holds the participant against erasure until the caller's transaction ends (an erasure under way finishes
	 * first). Call inside a transaction.
	 *
	 * @return false where the participant is erased (or unknown): write nothing more about them
	 */
	boolean lockUnlessErased(String participantId);

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
	 * {@link #completeErasure(String)}. The audit log records it.
	 */
	default void erase(String participantId) {
		erase(participantId, "participant");
	}

	/**
	 * As {@link #erase(String)}, asked for by someone named in the audit log.
	 *
	 * @param requestedBy {@code participant} for FORGET, or the console user who asked
	 * @return false where the participant was erased already
	 */
	boolean erase(String participantId, String requestedBy);

	/**
	 * Erasure asked for by an admin: everything {@link #erase(String, String)} does, and the contact address too, in
	 * one step. Nothing more is sent to the person.
	 *
	 * @return false where the participant was erased already
	 */
	boolean eraseNow(String participantId, String requestedBy);

	/**
	 * The participant behind a channel address, if any, without registering one. Phone numbers may be written as
	 * people write them (07700 900123); they are tried in international form too.
	 */
	Optional<String> findByAddress(String channel, String address);

	/** Deletes the contact address of an erased participant, once nothing more will be sent to them. */
	void completeErasure(String participantId);

	/**
	 * A keyed hash of an address, for counting or limiting what arrives from it (for example in Redis) without keeping
	 * the address itself or registering anyone. The same on every instance.
	 */
	String addressKey(String channel, String address);

	/** The decrypted addresses to send to, for those who may still be reached: the others are left out. */
	Map<String, String> contactAddresses(Collection<String> participantIds);
}
