package org.covenantvoices.understanding;

import java.util.List;
import java.util.Optional;

/**
 * The safeguarding review queue: flagged messages for an organiser to look at, and the record that someone did.
 * A review is written to the audit log in the same transaction.
 */
public interface SafeguardingReviews {

	/** Flags nobody has reviewed yet, oldest first: the longest-waiting at the top. */
	List<SafeguardingFlag> waiting(int limit);

	long waitingCount();

	/** Reviewed flags, most recently reviewed first. */
	List<SafeguardingFlag> reviewed(int limit);

	Optional<SafeguardingFlag> find(long id);

	/**
	 * Marks a flag reviewed, with what was done about it.
	 *
	 * @return false where someone else reviewed it first (their review stands)
	 */
	boolean markReviewed(long id, String note, String reviewer);
}
