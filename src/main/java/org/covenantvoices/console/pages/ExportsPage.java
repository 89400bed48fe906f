package org.covenantvoices.console.pages;

import java.util.List;

import org.covenantvoices.record.Event;
import org.covenantvoices.record.Events;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every export of the record, each with a few words on what it is for, and links that download it for the whole
 * record or for one question, source, nation or event. The downloads are the API's export routes, which write each
 * one to the audit log.
 */
@Controller
class ExportsPage {

	private final Events events;

	private final Labels labels;

	ExportsPage(Events events, Labels labels) {
		this.events = events;
		this.labels = labels;
	}

	@GetMapping("/exports")
	String exports(@RequestParam(required = false) String question, @RequestParam(required = false) String source,
			@RequestParam(required = false) String nation, @RequestParam(required = false) String event,
			Model model) {
		QuestionId questionId = question == null || question.isBlank() ? null : QuestionId.parse(question).orElse(null);
		Source src = source == null || source.isBlank() ? null : Source.fromCode(source).orElse(null);
		String nationCode = labels.nations().containsKey(nation) ? nation : null;
		List<Event> all = events.list();
		String eventCode = all.stream()
			.map(Event::joinCode)
			.filter(code -> code.equalsIgnoreCase(event == null ? "" : event.strip()))
			.findFirst()
			.orElse(null);
		String query = query(questionId, src, nationCode, eventCode);
		List<Format> formats = List.of(
				new Format("csv", "Contributions as CSV", "/api/export/contributions.csv" + query,
						"One row per contribution, with its source, nation, event and the people it speaks for, and "
								+ "its principles, themes and sentiment. Opens in Excel or any spreadsheet. Welsh "
								+ "letters are kept.",
						"CSV"),
				new Format("jsonl", "Contributions as JSON Lines", "/api/export/contributions.jsonl" + query,
						"The same fields, one JSON object per line, with every annotation and who assigned it. For "
								+ "Python (pandas.read_json(lines=True)), R or a database.",
						"JSON Lines"),
				new Format("consult", "For i.AI Consult and ThemeFinder", "/api/export/consult.zip" + query,
						"The input layout of the government's consultation analysis tools: respondents, and each "
								+ "question's responses. Current answers only.",
						"ZIP"),
				new Format("flow-results", "Flow Results package", "/api/export/flow-results.zip" + query,
						"A FLOIP Flow Results package, as U-Report and other messaging-survey tools read it: "
								+ "datapackage.json and responses.csv. Current answers only.",
						"ZIP"),
				new Format("summary", "Summary counts as CSV", "/api/export/summary.csv" + query,
						"Contributions and people represented by question, source, nation and event. Small enough "
								+ "to paste into a report.",
						"CSV"),
				new Format("summary-json", "Summary counts as JSON", "/api/export/summary.json" + query,
						"The same counts, with totals, for a dashboard or script.", "JSON"));
		model.addAttribute("formats", formats);
		model.addAttribute("events", all);
		model.addAttribute("question", questionId == null ? null : questionId.name());
		model.addAttribute("source", src == null ? null : src.code());
		model.addAttribute("nation", nationCode);
		model.addAttribute("event", eventCode);
		model.addAttribute("filtered", !query.isEmpty());
		return "console/exports";
	}

	private static String query(QuestionId question, Source source, String nation, String event) {
		UriComponentsBuilder q = UriComponentsBuilder.newInstance();
		if (question != null) {
			q.queryParam("questionId", question.name());
		}
		if (source != null) {
			q.queryParam("source", source.code());
		}
		if (nation != null) {
			q.queryParam("nation", nation);
		}
		if (event != null) {
			q.queryParam("eventCode", event);
		}
		String built = q.build().toUriString();
		return built == null ? "" : built;
	}

	/**
	 * @param kind the file's type, in the link's words ("CSV")
	 */
	public record Format(String id, String title, String href, String description, String kind) {
	}
}
