package org.covenantvoices.conversation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.covenantvoices.conversation.ConversationActivity;
import org.covenantvoices.conversation.ConversationStatistics;
import org.covenantvoices.conversation.FunnelStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the durable copy of each session. A person has reached a question when their current step is at or past the
 * first step asking it, in the order of the script version they are on; someone who finished has reached them all.
 */
@Component
class JdbcConversationStatistics implements ConversationStatistics {

	private final JdbcClient jdbc;

	private final Scripts scripts;

	JdbcConversationStatistics(JdbcClient jdbc, Scripts scripts) {
		this.jdbc = jdbc;
		this.scripts = scripts;
	}

	@Override
	public List<FunnelStage> funnel() {
		List<String> questions = questionsInOrder(scripts.current(scripts.defaultLanguage()));
		Map<String, Long> reached = new LinkedHashMap<>();
		reached.put(FunnelStage.STARTED, 0L);
		reached.put(FunnelStage.CONSENTED, 0L);
		questions.forEach(q -> reached.put(q, 0L));
		reached.put(FunnelStage.FINISHED, 0L);
		// One row per script version, language, step and state: a handful of rows however many people there are.
		jdbc.sql("SELECT script_version, language, step, coalesce((state ->> 'k')::boolean, false) AS consented, "
				+ "completed_at IS NOT NULL AS finished, count(*) AS people FROM conversation_sessions "
				+ "GROUP BY 1, 2, 3, 4, 5")
			.query((rs, n) -> {
				long people = rs.getLong("people");
				boolean finished = rs.getBoolean("finished");
				ConversationScript script = scripts.version(rs.getString("language"), rs.getString("script_version"));
				int position = script.step(rs.getString("step")).map(s -> script.steps().indexOf(s)).orElse(-1);
				reached.merge(FunnelStage.STARTED, people, Long::sum);
				if (rs.getBoolean("consented") || finished) {
					reached.merge(FunnelStage.CONSENTED, people, Long::sum);
				}
				for (String question : questions) {
					int first = firstStepAsking(script, question);
					if (finished || (position >= 0 && first >= 0 && position >= first)) {
						reached.merge(question, people, Long::sum);
					}
				}
				if (finished) {
					reached.merge(FunnelStage.FINISHED, people, Long::sum);
				}
				return people;
			})
			.list();
		List<FunnelStage> stages = new ArrayList<>();
		reached.forEach((stage, people) -> stages.add(new FunnelStage(stage, people)));
		return stages;
	}

	@Override
	public ConversationActivity activitySince(Instant since) {
		Timestamp from = Timestamp.from(since);
		return jdbc.sql("SELECT (SELECT count(*) FROM inbound_messages WHERE received_at >= ?), "
				+ "(SELECT count(*) FROM outbound_messages WHERE created_at >= ?), "
				+ "(SELECT count(*) FROM conversation_sessions WHERE started_at >= ?), "
				+ "(SELECT count(*) FROM conversation_sessions WHERE completed_at >= ?)")
			.params(from, from, from, from)
			.query((rs, n) -> new ConversationActivity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/** The record's question ids in the order the script asks them (Q1-Q6, then OTHER). */
	static List<String> questionsInOrder(ConversationScript script) {
		List<String> questions = new ArrayList<>();
		for (Step step : script.steps()) {
			if (step.question() != null && !questions.contains(step.question())) {
				questions.add(step.question());
			}
		}
		return questions;
	}

	private static int firstStepAsking(ConversationScript script, String question) {
		List<Step> steps = script.steps();
		for (int i = 0; i < steps.size(); i++) {
			if (question.equals(steps.get(i).question())) {
				return i;
			}
		}
		return -1;
	}
}
