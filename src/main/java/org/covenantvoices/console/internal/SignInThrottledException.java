package org.covenantvoices.console.internal;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from one network address: every sign-in from it waits until the window has passed. */
class SignInThrottledException extends AuthenticationException {

	SignInThrottledException() {
		super("too many failed sign-ins from this address");
	}
}
