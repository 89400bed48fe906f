package org.covenantvoices.console.internal;

import java.util.List;

import org.covenantvoices.console.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Console users, with hashed passwords, in PostgreSQL. */
@Component
class ConsoleUsers implements UserDetailsService {

	private final JdbcClient jdbc;

	ConsoleUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("SELECT username, password_hash, role, enabled FROM console_users WHERE username = ?")
			.param(username)
			.query((rs, n) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString("role"))))
				.disabled(!rs.getBoolean("enabled"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	boolean exists(String username) {
		return jdbc.sql("SELECT count(*) FROM console_users WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	void save(String username, String passwordHash, Role role) {
		jdbc.sql("INSERT INTO console_users (username, password_hash, role) VALUES (?, ?, ?) "
				+ "ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role")
			.params(username, passwordHash, role.name())
			.update();
	}
}
