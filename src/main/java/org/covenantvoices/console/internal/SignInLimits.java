package org.covenantvoices.console.internal;

import org.springframework.stereotype.Component;

/** The sign-in limits in force, in the minutes the sign-in page tells people to wait. */
@Component
public class SignInLimits {

	private final ConsoleProperties.SignIn limits;

	SignInLimits(ConsoleProperties properties) {
		this.limits = properties.signIn();
	}

	public long lockMinutes() {
		return Math.max(1, limits.lockFor().toMinutes());
	}

	public long windowMinutes() {
		return Math.max(1, limits.window().toMinutes());
	}

	public int maxFailures() {
		return limits.maxFailures();
	}
}
