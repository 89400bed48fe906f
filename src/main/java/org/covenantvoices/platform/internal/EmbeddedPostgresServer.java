package org.covenantvoices.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from Maven-packaged binaries, with its data kept under the data directory. */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String DATABASE = "covenant";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer start(Path dataDir) {
		Path data = dataDir.resolve("postgres").toAbsolutePath();
		try {
			Files.createDirectories(data.getParent());
			StaleServer.stopIfRunning(data.resolve("postmaster.pid"), "postgres");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.start();
			createDatabaseIfMissing(postgres);
			return new EmbeddedPostgresServer(postgres);
		}
		catch (IOException | SQLException e) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			s.execute("CREATE DATABASE " + DATABASE);
		}
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", DATABASE);
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
