package org.covenantvoices.record;

import java.time.Instant;
import java.util.List;

/** Counts over the record, for the organisers' dashboard. Only current answers count, never superseded versions. */
public interface RecordStatistics {

	/** Contributions and the people they speak for, by engagement question, source and nation. */
	List<RecordTally> tally();

	/** What came into the record from a moment on (a changed answer counts once more). */
	RecordActivity activitySince(Instant since);
}
