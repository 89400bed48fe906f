package org.covenantvoices.participant;

import java.time.Instant;

/** Counts over the participant register, for the organisers' dashboard. */
public interface ParticipantStatistics {

	ParticipantActivity activitySince(Instant since);
}
