package org.covenantvoices.console.pages;

import java.util.Locale;

/**
 * What a console password must be. Length does most for strength (as the NCSC advises), so there are no rules about
 * kinds of character; a password managers' long random one always passes.
 */
final class PasswordRules {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private PasswordRules() {
	}

	/** @return what is wrong, in the GOV.UK error message style, or null */
	static String problem(String password, String username) {
		if (password == null || password.isEmpty()) {
			return "Enter a password";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return "Password must be " + MIN_LENGTH + " characters or more";
		}
		if (length > MAX_LENGTH) {
			return "Password must be " + MAX_LENGTH + " characters or fewer";
		}
		if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			return "Password must not contain the user name";
		}
		if (password.chars().distinct().count() < 4) {
			return "Password must not repeat the same few characters";
		}
		return null;
	}
}
