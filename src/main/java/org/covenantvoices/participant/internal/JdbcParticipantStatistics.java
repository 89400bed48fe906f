package org.covenantvoices.participant.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.covenantvoices.participant.ParticipantActivity;
import org.covenantvoices.participant.ParticipantStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcParticipantStatistics implements ParticipantStatistics {

	private final JdbcClient jdbc;

	JdbcParticipantStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ParticipantActivity activitySince(Instant since) {
		Timestamp from = Timestamp.from(since);
		return jdbc.sql("SELECT count(*) FILTER (WHERE created_at >= ?), "
				+ "count(*) FILTER (WHERE status = 'stopped' AND stopped_at >= ?), "
				+ "count(*) FILTER (WHERE erased_at >= ?) FROM participants "
				+ "WHERE created_at >= ? OR stopped_at >= ? OR erased_at >= ?")
			.params(from, from, from, from, from, from)
			.query((rs, n) -> new ParticipantActivity(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}
}
