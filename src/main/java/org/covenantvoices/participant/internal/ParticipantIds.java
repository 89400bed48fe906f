package org.covenantvoices.participant.internal;

import java.security.SecureRandom;

/** Random pseudonymous ids: nothing about the person can be derived from them, even with the privacy key. */
final class ParticipantIds {

	// Crockford's base 32 without I, L, O, U: easy to read aloud and to type.
	private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private ParticipantIds() {
	}

	/** 12 symbols, 60 bits. */
	static String next() {
		char[] id = new char[12];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}
}
