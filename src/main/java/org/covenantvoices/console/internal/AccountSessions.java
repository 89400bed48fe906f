package org.covenantvoices.console.internal;

import java.time.Instant;

import jakarta.servlet.http.HttpSession;

/** Keeps a person's own session going when they change their own password, which ends their other sessions. */
public final class AccountSessions {

	private AccountSessions() {
	}

	public static void keepCurrent(HttpSession session, Instant sessionsRevokedAt) {
		session.setAttribute(SignInHandlers.SIGNED_IN_AT, sessionsRevokedAt.plusNanos(1_000));
	}
}
