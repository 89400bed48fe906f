package org.covenantvoices.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test against the whole service on a random port, with real PostgreSQL and Redis. Tests share one service and
 * database per run, so each uses phone numbers of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	public static final String PRIVACY_KEY = "test-privacy-key-0123456789abcdefghijklmnop";

	public static final String ADMIN_PASSWORD = "admin-test-password";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected Client client;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/** The settings every test instance runs with; tests that start their own instances reuse them. */
	public static Map<String, String> properties() {
		TestServers servers = TestServers.get();
		Map<String, String> p = new HashMap<>();
		p.put("covenant.database.url", servers.jdbcUrl);
		p.put("covenant.database.username", servers.username == null ? "" : servers.username);
		p.put("covenant.database.password", servers.password == null ? "" : servers.password);
		p.put("covenant.redis.url", servers.redisUrl);
		p.put("covenant.redis.namespace", servers.namespace);
		p.put("covenant.privacy.key", PRIVACY_KEY);
		p.put("covenant.admin.username", "admin");
		p.put("covenant.admin.password", ADMIN_PASSWORD);
		p.put("covenant.simulator.enabled", "true");
		p.put("covenant.data-dir", "target/test-data");
		// Every test signs in from 127.0.0.1, some with wrong passwords on purpose: the per-address limit has a test
		// of its own, on instances of its own.
		p.put("covenant.console.sign-in.max-failures-per-address", "1000");
		return p;
	}

	@BeforeEach
	void client() {
		client = new Client("http://localhost:" + port);
	}

	private static final AtomicInteger NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(99_000));

	/**
	 * A phone number no other test in this run uses. One counter for every test: numbers picked at random collided now
	 * and then, and a test found another's person and messages. Those below 01000 are left for tests that name one.
	 */
	protected static String newNumber() {
		return "+4477009" + String.format("%05d", 1_000 + NUMBERS.getAndIncrement() % 99_000);
	}

	/** Creates (or resets) a console user with this role; the password is the name followed by "-password". */
	protected String user(String name, String role) {
		jdbc.sql("INSERT INTO console_users (username, password_hash, role) VALUES (?, ?, ?) "
				+ "ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role")
			.params(name, PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(name + "-password"), role)
			.update();
		return name;
	}

	protected static String password(String user) {
		return user + "-password";
	}

	/** The pseudonymous id behind a simulator number, found through a message it sent. */
	protected String participantOf(Client.Phone phone) {
		return jdbc.sql("SELECT participant_id FROM inbound_messages WHERE channel = 'simulator' "
				+ "AND provider_message_id = ?")
			.param(phone.lastMessageId())
			.query(String.class)
			.single();
	}
}
