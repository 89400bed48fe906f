package org.covenantvoices.console;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Console users for tests, each with a known password, written straight into the table. */
final class ConsoleUsersFixture {

	static final String PASSWORD = "correct-horse-battery";

	private ConsoleUsersFixture() {
	}

	/** Creates the user, or puts them back as new: this role, enabled, unlocked, with {@link #PASSWORD}. */
	static String user(JdbcClient jdbc, PasswordEncoder encoder, String username, Role role) {
		jdbc.sql("INSERT INTO console_users (username, password_hash, role) VALUES (?, ?, ?) "
				+ "ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, "
				+ "enabled = true, failed_attempts = 0, first_failed_at = NULL, locked_until = NULL")
			.params(username, encoder.encode(PASSWORD), role.name())
			.update();
		return username;
	}
}
