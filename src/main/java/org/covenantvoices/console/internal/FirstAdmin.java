package org.covenantvoices.console.internal;

import java.security.SecureRandom;

import org.covenantvoices.console.Role;
import org.covenantvoices.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first console user. ADMIN_PASSWORD sets (and resets) it. In local mode without one, a password is generated
 * the first time and shown once; it is stored only as a hash.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final ConsoleUsers users;

	private final PasswordEncoder encoder;

	private final AdminProperties properties;

	private final Deployment deployment;

	private String generatedPassword;

	FirstAdmin(ConsoleUsers users, PasswordEncoder encoder, AdminProperties properties, Deployment deployment) {
		this.users = users;
		this.encoder = encoder;
		this.properties = properties;
		this.deployment = deployment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String username = properties.username();
		String password = properties.password();
		if (password != null && !password.isBlank()) {
			// Every instance starts with the same setting: only a changed password (or a user who is not an enabled
			// administrator) is written, so a rolling restart signs nobody out.
			boolean current = users.account(username)
				.filter(a -> a.role() == Role.ADMIN && a.enabled() && encoder.matches(password, a.passwordHash()))
				.isPresent();
			if (!current) {
				users.save(username, encoder.encode(password), Role.ADMIN);
			}
			return;
		}
		if (users.exists(username)) {
			return;
		}
		if (!deployment.localMode()) {
			log.warn("No console user yet: set ADMIN_USERNAME and ADMIN_PASSWORD to create the first one.");
			return;
		}
		SecureRandom random = new SecureRandom();
		StringBuilder generated = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			generated.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		generatedPassword = generated.toString();
		users.save(username, encoder.encode(generatedPassword), Role.ADMIN);
	}

	/** The password generated at this start, to show once; null where none was generated. */
	String takeGeneratedPassword() {
		String password = generatedPassword;
		generatedPassword = null;
		return password;
	}

	String username() {
		return properties.username();
	}
}
