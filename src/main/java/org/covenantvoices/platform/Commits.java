package org.covenantvoices.platform;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which commits wait for the disk. Each wait is an fsync (about 3 ms on this kind of machine), and a campaign or a
 * busy consultation makes thousands of commits a second. PostgreSQL writes its log in order, so a commit that waits
 * also makes every earlier commit durable. Bookkeeping that a database crash could only undo, to be done again and
 * never twice (claiming, processing a stored message, recording a provider's answer), commits without waiting; the
 * writes that must be on disk before something leaves the service (a message stored before its acknowledgement, the
 * hand-over mark before a provider call) keep waiting, and take the earlier ones with them.
 */
public final class Commits {

	private Commits() {
	}

	/** Makes the current transaction's commit not wait for the disk. Call it inside a transaction. */
	public static void relaxed(JdbcClient jdbc) {
		jdbc.sql("SET LOCAL synchronous_commit = off").update();
	}

	/** Runs the work in a transaction whose commit does not wait for the disk. */
	public static <T> T relaxed(TransactionTemplate tx, JdbcClient jdbc, Supplier<T> work) {
		return tx.execute(status -> {
			relaxed(jdbc);
			return work.get();
		});
	}
}
