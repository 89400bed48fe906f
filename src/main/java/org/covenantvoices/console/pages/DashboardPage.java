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
import org.covenantvoices.record.Event;
import org.covenantvoices.record.Events;
import org.covenantvoices.record.RecordExports;
import org.covenantvoices.understanding.ModelStatusProvider;
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

	private final Events events;

	private final RecordExports summaries;

	private final ModelStatusProvider models;

	DashboardPage(RecordStatistics record, ConversationStatistics conversations, ParticipantStatistics participants,
			ChannelStatuses channels, Labels labels, Events events, RecordExports summaries,
			ModelStatusProvider models) {
		this.record = record;
		this.conversations = conversations;
		this.participants = participants;
		this.channels = channels;
		this.labels = labels;
		this.events = events;
		this.summaries = summaries;
		this.models = models;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/dashboard";
	}

	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) String nation, @RequestParam(required = false) String source,
			@RequestParam(required = false) String event, Model model) {
		String nationFilter = labels.nations().containsKey(nation) ? nation : null;
		String sourceFilter = labels.sources().containsKey(source) ? source : null;
		Instant now = Instant.now();
		Instant today = LocalDate.now(Labels.UK).atStartOfDay(Labels.UK).toInstant();

		// Under one event: the same counts, from the record's summary for that event's contributions only.
		List<Event> allEvents = events.list();
		Event chosenEvent = allEvents.stream()
			.filter(e -> e.joinCode().equalsIgnoreCase(event == null ? "" : event.strip()))
			.findFirst()
			.orElse(null);
		List<RecordTally> tally = chosenEvent == null ? record.tally() : eventTally(chosenEvent.joinCode());
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

		// By the ways people took part: each channel, event notes, and online.
		List<ChannelGroup> groups = ChannelGroup.ALL;
		model.addAttribute("groupColumns", groups);
		model.addAttribute("questionByGroup", groupTab(byNation, groups));
		model.addAttribute("groupChart", BarChart.of("group-chart", "People represented, by the way they took part",
				"For each way of taking part, how many contributions the record holds and how many people they speak "
						+ "for. The same numbers are in the table below the chart.",
				List.of(new BarChart.Series("contributions", "Contributions"),
						new BarChart.Series("people", "People represented")),
				groups.stream()
					.map(g -> BarChart.Row.of(g.label(), labels,
							sum(byNation.stream().filter(t -> g.sources().contains(t.source())).toList(), false),
							sum(byNation.stream().filter(t -> g.sources().contains(t.source())).toList(), true)))
					.toList()));

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
		model.addAttribute("models", models.status());
		model.addAttribute("events", allEvents);
		model.addAttribute("event", chosenEvent);
		model.addAttribute("nation", nationFilter);
		model.addAttribute("source", sourceFilter);
		return "console/dashboard";
	}

	private List<RecordTally> eventTally(String joinCode) {
		return summaries.summary(new ContributionFilter(null, null, joinCode, null, null, false, null))
			.stream()
			.map(row -> new RecordTally(QuestionId.parse(row.questionId()).orElse(QuestionId.OTHER), row.source(),
					row.nation(), row.contributions(), row.peopleRepresented()))
			.toList();
	}

	/** Rows per question with any contributions; a column per way of taking part. */
	private List<CrossRow> groupTab(List<RecordTally> tally, List<ChannelGroup> groups) {
		List<CrossRow> rows = new ArrayList<>();
		for (QuestionId question : labels.questions().keySet()) {
			List<RecordTally> forQuestion = tally.stream().filter(t -> t.question() == question).toList();
			if (forQuestion.isEmpty()) {
				continue;
			}
			Map<String, Long> cells = new LinkedHashMap<>();
			for (ChannelGroup group : groups) {
				cells.put(group.key(), forQuestion.stream()
					.filter(t -> group.sources().contains(t.source()))
					.mapToLong(RecordTally::peopleRepresented)
					.sum());
			}
			rows.add(new CrossRow(labels.question(question.name()), cells, sum(forQuestion, false),
					sum(forQuestion, true)));
		}
		return rows;
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

	/**
	 * A way of taking part, as the engagement reports it: the three channels, notes from events, and online (forms,
	 * and the simulator's tries, which are kept apart from real answers only by their source).
	 */
	public record ChannelGroup(String key, String label, List<String> sources) {

		static final List<ChannelGroup> ALL = List.of(new ChannelGroup("sms", "SMS", List.of("sms")),
				new ChannelGroup("whatsapp", "WhatsApp", List.of("whatsapp")),
				new ChannelGroup("telegram", "Telegram", List.of("telegram")),
				new ChannelGroup("event_notes", "Event notes", List.of("roundtable_note", "event_minutes")),
				new ChannelGroup("online", "Online", List.of("online_form")),
				new ChannelGroup("other", "Simulator and other", List.of("simulator", "other")));
	}
}
