package org.covenantvoices.record.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Join codes: six characters from an alphabet without the ones people mix up (0 and O, 1, I and L). Each has at
 * least one letter and one digit, so a code is never a word someone might text for another reason (YES, STOP).
 */
final class JoinCodes {

	static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	static final int LENGTH = 6;

	private static final Pattern CODE = Pattern.compile("[A-HJKMNP-Z2-9]{6}");

	/** What people put around a code: "join AB3 K9X", "/start ab3k9x", "code: AB3-K9X". */
	private static final Pattern PREFIX = Pattern.compile("^(?:/?START|JOIN|CODE|EVENT)\\b\\W*");

	private static final SecureRandom RANDOM = new SecureRandom();

	private JoinCodes() {
	}

	static String next() {
		while (true) {
			char[] code = new char[LENGTH];
			for (int i = 0; i < LENGTH; i++) {
				code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
			}
			String candidate = new String(code);
			if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter)) {
				return candidate;
			}
		}
	}

	/** The code a message could be, in capitals, or empty where it cannot be one. */
	static Optional<String> candidate(String message) {
		if (message == null || message.length() > 40) {
			return Optional.empty();
		}
		String upper = message.strip().toUpperCase(Locale.ROOT);
		upper = PREFIX.matcher(upper).replaceFirst("");
		String code = upper.replaceAll("[\\s\\-.:#]+", "");
		return CODE.matcher(code).matches() && code.chars().anyMatch(Character::isDigit) ? Optional.of(code)
				: Optional.empty();
	}
}
