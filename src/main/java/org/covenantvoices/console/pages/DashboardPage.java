package org.covenantvoices.console.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.covenantvoices.channel.ChannelStatuses;
import org.covenantvoices.conversation.ConversationStatistics;
import org.covenantvoices.conversation.FunnelStage;
import org.covenantvoices.participant.ParticipantStatistics;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.RecordStatistics;
import org.covenantvoices.record.RecordTally;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisers' overview: the record by question, source and nation; how far people get through the conversation;
 * today's activity; and how each channel stands. Every chart has its numbers in a table beside it.
 */
@Controller
class DashboardPage {

	private final RecordStatistics record;

	private final ConversationStatistics conversations;

	private final ParticipantStatistics participants;

	private final ChannelStatuses channels;

	private final Labels labels;

	DashboardPage(RecordStatistics record, ConversationStatistics conversations, ParticipantStatistics participants,
			ChannelStatuses channels, Labels labels) {
		this.record = record;
		this.conversations = conversations;
		this.participants = participants;
		this.channels = channels;
		this.labels = labels;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/dashboard";
	}

	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) String nation, @RequestParam(required = false) String source,
			Model model) {
		String nationFilter = labels.nations().containsKey(nation) ? nation : null;
		String sourceFilter = labels.sources().containsKey(source) ? source : null;
		Instant now = Instant.now();
		Instant today = LocalDate.now(Labels.UK).atStartOfDay(Labels.UK).toInstant();

		List<RecordTally> tally = record.tally();
		List<RecordTally> byNation = tally.stream().filter(t -> matches(t, nationFilter, null)).toList();
		List<RecordTally> bySource = tally.stream().filter(t -> matches(t, null, sourceFilter)).toList();
		List<RecordTally> filtered = tally.stream().filter(t -> matches(t, nationFilter, sourceFilter)).toList();

		List<QuestionRow> questions = new ArrayList<>();
		for (QuestionId question : labels.questions().keySet()) {
			List<RecordTally> rows = filtered.stream().filter(t -> t.question() == question).toList();
			if (question == QuestionId.GENERAL && rows.isEmpty()) {
				continue; // only event notes answer "general"; no need for an empty row before there are any
			}
			questions.add(new QuestionRow(question.name(), labels.question(question.name()), sum(rows, false),
					sum(rows, true)));
		}
		List<BarChart.Row> questionBars = questions.stream()
			.map(q -> BarChart.Row.of(q.label(), labels, q.contributions(), q.people()))
			.toList();
		model.addAttribute("questionChart", BarChart.of("questions-chart", "Contributions and people represented, by "
				+ "question", "For each engagement question, how many contributions the record holds and how many "
						+ "people they speak for. The same numbers are in the table below the chart.",
				List.of(new BarChart.Series("contributions", "Contributions"),
						new BarChart.Series("people", "People represented")),
				questionBars));
		model.addAttribute("questions", questions);
		model.addAttribute("totalContributions", sum(filtered, false));

		// Question by source, for the chosen nation: one column per source that has any contributions.
		Set<String> sources = new LinkedHashSet<>();
		labels.sources().keySet().forEach(code -> {
			if (byNation.stream().anyMatch(t -> code.equals(t.source()))) {
				sources.add(code);
			}
		});
		model.addAttribute("sourceColumns", sources);
		model.addAttribute("questionBySource", crossTab(byNation, sources, true));

		// Question by nation, for the chosen source.
		Set<String> nations = new LinkedHashSet<>();
		labels.nations().keySet().forEach(code -> {
			String stored = ContributionFilter.NATION_NOT_GIVEN.equals(code) ? null : code;
			if (bySource.stream().anyMatch(t -> Objects.equals(stored, t.nation()))) {
				nations.add(code);
			}
		});
		model.addAttribute("nationColumns", nations);
		model.addAttribute("questionByNation", crossTab(bySource, nations, false));

		List<FunnelStage> funnel = conversations.funnel();
		long started = funnel.isEmpty() ? 0 : funnel.get(0).people();
		List<FunnelRow> funnelRows = funnel.stream()
			.map(stage -> new FunnelRow(stageLabel(stage.stage()), stage.people(),
					labels.percent(stage.people(), started)))
			.toList();
		model.addAttribute("funnel", funnelRows);
		model.addAttribute("funnelChart", BarChart.of("funnel-chart", "How far people get through the conversation",
				"How many people reached each stage of the conversation, from the first message to the end. The same "
						+ "numbers are in the table below the chart.",
				List.of(new BarChart.Series("people", "People")),
				funnelRows.stream().map(r -> BarChart.Row.of(r.stage(), labels, r.people())).toList()));

		model.addAttribute("today", today);
		model.addAttribute("now", now);
		model.addAttribute("recordToday", record.activitySince(today));
		model.addAttribute("conversationsToday", conversations.activitySince(today));
		model.addAttribute("participantsToday", participants.activitySince(today));
		model.addAttribute("channels", channels.all());
		model.addAttribute("nation", nationFilter);
		model.addAttribute("source", sourceFilter);
		return "console/dashboard";
	}

	private static boolean matches(RecordTally t, String nation, String source) {
		boolean nationMatches = nation == null || (ContributionFilter.NATION_NOT_GIVEN.equals(nation)
				? t.nation() == null : nation.equals(t.nation()));
		return nationMatches && (source == null || source.equals(t.source()));
	}

	private static long sum(List<RecordTally> rows, boolean people) {
		return rows.stream().mapToLong(t -> people ? t.peopleRepresented() : t.contributions()).sum();
	}

	/** Rows per question (those with any contributions), columns per source or nation code, plus a total. */
	private List<CrossRow> crossTab(List<RecordTally> tally, Set<String> columns, boolean bySource) {
		List<CrossRow> rows = new ArrayList<>();
		for (QuestionId question : labels.questions().keySet()) {
			List<RecordTally> forQuestion = tally.stream().filter(t -> t.question() == question).toList();
			if (forQuestion.isEmpty()) {
				continue;
			}
			Map<String, Long> cells = new LinkedHashMap<>();
			for (String column : columns) {
				String stored = !bySource && ContributionFilter.NATION_NOT_GIVEN.equals(column) ? null : column;
				cells.put(column, forQuestion.stream()
					.filter(t -> bySource ? column.equals(t.source()) : Objects.equals(stored, t.nation()))
					.mapToLong(RecordTally::contributions)
					.sum());
			}
			rows.add(new CrossRow(labels.question(question.name()), cells, sum(forQuestion, false),
					sum(forQuestion, true)));
		}
		return rows;
	}

	private String stageLabel(String stage) {
		return switch (stage) {
			case FunnelStage.STARTED -> "Sent a first message";
			case FunnelStage.CONSENTED -> "Agreed to take part";
			case FunnelStage.FINISHED -> "Reached the end";
			case "OTHER" -> "Reached the last question, anything else";
			default -> "Reached " + labels.question(stage);
		};
	}

	public record QuestionRow(String id, String label, long contributions, long people) {
	}

	public record CrossRow(String question, Map<String, Long> cells, long total, long people) {
	}

	public record FunnelRow(String stage, long people, String share) {
	}
}
