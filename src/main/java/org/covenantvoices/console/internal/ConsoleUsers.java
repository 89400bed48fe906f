package org.covenantvoices.console.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.covenantvoices.console.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Console users in PostgreSQL: hashed passwords, roles, and what sign-in protection needs. */
@Component
public class ConsoleUsers {

	private static final String COLUMNS = "username, role, enabled, failed_attempts, locked_until, last_sign_in_at, "
			+ "created_at, created_by";

	private final JdbcClient jdbc;

	ConsoleUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** For signing in. User names match whatever their case; the locked flag follows locked_until. */
	UserDetails loadUserByUsername(String username) {
		return jdbc.sql("SELECT username, password_hash, role, enabled, locked_until > now() AS locked "
				+ "FROM console_users WHERE lower(username) = lower(?)")
			.param(username)
			.query((rs, n) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString("role"))))
				.disabled(!rs.getBoolean("enabled"))
				.accountLocked(rs.getBoolean("locked"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	public List<ConsoleUser> list() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM console_users ORDER BY lower(username)")
			.query((rs, n) -> map(rs))
			.list();
	}

	public Optional<ConsoleUser> find(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM console_users WHERE lower(username) = lower(?)")
			.param(username)
			.query((rs, n) -> map(rs))
			.optional();
	}

	boolean exists(String username) {
		return find(username).isPresent();
	}

	/** The stored password hash and standing of a user, for the first administrator's settings. */
	Optional<Account> account(String username) {
		return jdbc.sql("SELECT password_hash, role, enabled FROM console_users WHERE username = ?")
			.param(username)
			.query((rs, n) -> new Account(rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
					rs.getBoolean("enabled")))
			.optional();
	}

	record Account(String passwordHash, Role role, boolean enabled) {
	}

	/**
	 * Creates or replaces a user, as the first administrator's settings ask: enabled, unlocked, and signed out
	 * everywhere where the password changed.
	 */
	void save(String username, String passwordHash, Role role) {
		jdbc.sql("INSERT INTO console_users (username, password_hash, role) VALUES (?, ?, ?) "
				+ "ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, "
				+ "enabled = true, failed_attempts = 0, first_failed_at = NULL, locked_until = NULL, password_changed_at = now(), "
				+ "sessions_revoked_at = CASE WHEN console_users.password_hash <> EXCLUDED.password_hash "
				+ "THEN now() ELSE console_users.sessions_revoked_at END")
			.params(username, passwordHash, role.name())
			.update();
	}

	/** @return false where a user of that name (in any case) is there already */
	public boolean add(String username, String passwordHash, Role role, String by) {
		return jdbc.sql("INSERT INTO console_users (username, password_hash, role, created_by) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING")
			.params(username, passwordHash, role.name(), by)
			.update() == 1;
	}

	/** Turning a user off also ends the sessions they have open. */
	public boolean setEnabled(String username, boolean enabled) {
		return jdbc.sql("UPDATE console_users SET enabled = ?, "
				+ "sessions_revoked_at = CASE WHEN ? THEN sessions_revoked_at ELSE now() END "
				+ "WHERE lower(username) = lower(?)")
			.params(enabled, enabled, username)
			.update() == 1;
	}

	/**
	 * Sets a new password, unlocks the account and ends the user's sessions.
	 *
	 * @return when the sessions ended (the database's clock), or empty where there is no such user
	 */
	public Optional<Instant> setPassword(String username, String passwordHash) {
		return jdbc.sql("UPDATE console_users SET password_hash = ?, failed_attempts = 0, first_failed_at = NULL, "
				+ "locked_until = NULL, password_changed_at = now(), sessions_revoked_at = now() "
				+ "WHERE lower(username) = lower(?) RETURNING sessions_revoked_at")
			.params(passwordHash, username)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	public long enabledAdmins() {
		return jdbc.sql("SELECT count(*) FROM console_users WHERE role = 'ADMIN' AND enabled")
			.query(Long.class)
			.single();
	}

	/**
	 * Counts a failed sign-in. The count starts again once the window since the first failure has passed; reaching
	 * the limit locks the account.
	 *
	 * @return the failures in the current window, or empty where there is no such user
	 */
	Optional<Integer> recordFailure(String username, int limit, Duration window, Duration lock) {
		// Every expression reads the row as it was before this update, under the row lock: concurrent failures each
		// count once.
		String failures = "CASE WHEN first_failed_at > now() - make_interval(secs => :window) "
				+ "THEN failed_attempts + 1 ELSE 1 END";
		return jdbc.sql("UPDATE console_users SET failed_attempts = " + failures + ", "
				+ "first_failed_at = CASE WHEN first_failed_at > now() - make_interval(secs => :window) "
				+ "THEN first_failed_at ELSE now() END, "
				+ "locked_until = CASE WHEN " + failures + " >= :limit THEN now() + make_interval(secs => :lock) "
				+ "ELSE locked_until END "
				+ "WHERE lower(username) = lower(:username) RETURNING failed_attempts")
			.param("window", window.toSeconds())
			.param("limit", limit)
			.param("lock", lock.toSeconds())
			.param("username", username)
			.query(Integer.class)
			.optional();
	}

	/** A correct password from an API client clears earlier failures. */
	void recordSuccess(String username) {
		// API clients sign in on every request: write only where there is something to clear.
		jdbc.sql("UPDATE console_users SET failed_attempts = 0, first_failed_at = NULL "
				+ "WHERE username = ? AND failed_attempts > 0")
			.param(username)
			.update();
	}

	/**
	 * A person signed in with the form.
	 *
	 * @return when, by the database's clock, which is the one that ends sessions
	 */
	Instant signedIn(String username) {
		return jdbc.sql("UPDATE console_users SET failed_attempts = 0, first_failed_at = NULL, last_sign_in_at = now() "
				+ "WHERE username = ? RETURNING last_sign_in_at")
			.param(username)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElseGet(Instant::now);
	}

	/** What a signed-in session is checked against on each request. */
	Optional<SessionCheck> sessionCheck(String username) {
		return jdbc.sql("SELECT enabled, role, sessions_revoked_at FROM console_users WHERE username = ?")
			.param(username)
			.query((rs, n) -> new SessionCheck(rs.getBoolean("enabled"), Role.valueOf(rs.getString("role")),
					instant(rs.getTimestamp("sessions_revoked_at"))))
			.optional();
	}

	record SessionCheck(boolean enabled, Role role, Instant sessionsRevokedAt) {
	}

	private static ConsoleUser map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ConsoleUser(rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
				rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")),
				instant(rs.getTimestamp("last_sign_in_at")), instant(rs.getTimestamp("created_at")),
				rs.getString("created_by"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
