package org.covenantvoices.record.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.RecordActivity;
import org.covenantvoices.record.RecordStatistics;
import org.covenantvoices.record.RecordTally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcRecordStatistics implements RecordStatistics {

	private final JdbcClient jdbc;

	JdbcRecordStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<RecordTally> tally() {
		return jdbc.sql("SELECT question_id, source, nation, count(*) AS contributions, "
				+ "sum(represented_count) AS people FROM contributions WHERE superseded_at IS NULL "
				+ "GROUP BY question_id, source, nation ORDER BY question_id, source, nation NULLS LAST")
			.query((rs, n) -> new RecordTally(QuestionId.valueOf(rs.getString("question_id")), rs.getString("source"),
					rs.getString("nation"), rs.getLong("contributions"), rs.getLong("people")))
			.list();
	}

	@Override
	public RecordActivity activitySince(Instant since) {
		return jdbc.sql("SELECT count(*), count(DISTINCT participant_id) FROM contributions WHERE created_at >= ?")
			.param(Timestamp.from(since))
			.query((rs, n) -> new RecordActivity(rs.getLong(1), rs.getLong(2)))
			.single();
	}
}
