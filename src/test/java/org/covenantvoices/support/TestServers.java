package org.covenantvoices.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis the tests use: the machine's own where DATABASE_URL / REDIS_URL are set (as .ci/run
 * does when they answer), otherwise embedded servers from Maven-packaged binaries. Each test run gets a database
 * and a Redis namespace of its own, removed at the end, so runs never share state.
 */
public final class TestServers {

	private static TestServers instance;

	public final String jdbcUrl;

	public final String username;

	public final String password;

	public final String redisUrl;

	public final String namespace;

	private TestServers(String jdbcUrl, String username, String password, String redisUrl, String namespace) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
		this.redisUrl = redisUrl;
		this.namespace = namespace;
	}

	public static synchronized TestServers get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static TestServers start() {
		String run = "cvtest_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
		String adminUrl = env("DATABASE_URL");
		String user = env("DATABASE_USERNAME");
		String password = env("DATABASE_PASSWORD");
		EmbeddedPostgres embedded = null;
		if (adminUrl == null) {
			try {
				embedded = EmbeddedPostgres.builder()
					.setDataDirectory(Files.createTempDirectory("cv-test-pg"))
					.setCleanDataDirectory(true)
					.start();
			}
			catch (IOException e) {
				throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests", e);
			}
			adminUrl = embedded.getJdbcUrl("postgres", "postgres");
			user = "postgres";
		}
		String testUrl = withDatabase(adminUrl, run);
		execute(adminUrl, user, password, "CREATE DATABASE " + run);

		String redisUrl = env("REDIS_URL");
		RedisServer redis = null;
		if (redisUrl == null) {
			try {
				int port = freePort();
				redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
				redis.start();
				redisUrl = "redis://127.0.0.1:" + port;
			}
			catch (IOException e) {
				throw new IllegalStateException("Could not start an embedded Redis for the tests", e);
			}
		}
		TestServers servers = new TestServers(testUrl, user, password, redisUrl, run);
		EmbeddedPostgres pg = embedded;
		RedisServer rs = redis;
		String admin = adminUrl;
		String adminUser = user;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			servers.dropRedisKeys();
			try {
				execute(admin, adminUser, password, "DROP DATABASE IF EXISTS " + run + " WITH (FORCE)");
			}
			catch (RuntimeException e) {
				// best effort: the database has a unique name and harms nothing
			}
			try {
				if (pg != null) {
					pg.close();
				}
				if (rs != null) {
					rs.stop();
				}
			}
			catch (IOException e) {
				// shutting down anyway
			}
		}));
		return servers;
	}

	public UnifiedJedis redis() {
		return RedisClient.create(URI.create(redisUrl));
	}

	private void dropRedisKeys() {
		try (UnifiedJedis jedis = redis()) {
			String cursor = ScanParams.SCAN_POINTER_START;
			do {
				ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(namespace + ":*").count(1000));
				if (!page.getResult().isEmpty()) {
					jedis.del(page.getResult().toArray(String[]::new));
				}
				cursor = page.getCursor();
			}
			while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		}
		catch (RuntimeException e) {
			// best effort
		}
	}

	private static String withDatabase(String url, String database) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?', slash);
		return url.substring(0, slash + 1) + database + (query >= 0 ? url.substring(query) : "");
	}

	private static void execute(String url, String user, String password, String sql) {
		Properties props = new Properties();
		if (user != null) {
			props.setProperty("user", user);
		}
		if (password != null) {
			props.setProperty("password", password);
		}
		try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String env(String name) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? null : value;
	}
}
