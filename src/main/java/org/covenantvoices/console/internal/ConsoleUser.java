package org.covenantvoices.console.internal;

import java.time.Instant;

import org.covenantvoices.console.Role;

/**
 * A console user as administrators see them: never the password hash.
 *
 * @param lockedUntil set while the account is locked after repeated failed sign-ins
 * @param createdBy the administrator who added them; null for the first administrator
 */
public record ConsoleUser(String username, Role role, boolean enabled, int failedAttempts, Instant lockedUntil,
		Instant lastSignInAt, Instant createdAt, String createdBy) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
