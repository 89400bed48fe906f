package org.covenantvoices.console.internal;

import java.io.Serializable;

/**
 * Why the last sign-in failed, kept in the session for the sign-in page to explain.
 *
 * @param username what was typed, to fill the field in again
 */
public record SignInFailure(String username, Reason reason) implements Serializable {

	public static final String SESSION_ATTRIBUTE = "cv.signInFailure";

	public enum Reason {
		MISSING_USERNAME_AND_PASSWORD, MISSING_USERNAME, MISSING_PASSWORD,
		/** A wrong user name or password, or an account that is turned off: the page does not say which. */
		NOT_RECOGNISED,
		/** Too many wrong passwords for this user name. */
		LOCKED,
		/** Too many failed sign-ins from this network address. */
		THROTTLED,
		/** The database or Redis did not answer. */
		UNAVAILABLE
	}
}
