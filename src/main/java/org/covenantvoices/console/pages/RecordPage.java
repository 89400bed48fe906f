package org.covenantvoices.console.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.record.Annotation;
import org.covenantvoices.record.Annotations;
import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.ContributionPage;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.Event;
import org.covenantvoices.record.Events;
import org.covenantvoices.record.InvalidRequest;
import org.covenantvoices.record.LabelFilter;
import org.covenantvoices.record.NotFound;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Redaction;
import org.covenantvoices.record.Source;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The record browser: filter by question, source, event, principle, theme, nation and date, page through the answers,
 * read them as analysts get them (contact details redacted), confirm or correct their labels (a person's label,
 * kept in the history beside the model's), and download the same selection as CSV.
 */
@Controller
class RecordPage {

	static final int PAGE_SIZE = 25;

	private final Contributions contributions;

	private final Redaction redaction;

	private final Labels labels;

	private final Annotations annotations;

	private final Events events;

	RecordPage(Contributions contributions, Redaction redaction, Labels labels, Annotations annotations,
			Events events) {
		this.contributions = contributions;
		this.redaction = redaction;
		this.labels = labels;
		this.annotations = annotations;
		this.events = events;
	}

	@GetMapping("/record")
	String browse(@RequestParam(required = false) String question, @RequestParam(required = false) String source,
			@RequestParam(required = false) String nation, @RequestParam(required = false) String event,
			@RequestParam(required = false) String principle, @RequestParam(required = false) String theme,
			@RequestParam(name = "from-day", required = false) String fromDay,
			@RequestParam(name = "from-month", required = false) String fromMonth,
			@RequestParam(name = "from-year", required = false) String fromYear,
			@RequestParam(name = "to-day", required = false) String toDay,
			@RequestParam(name = "to-month", required = false) String toMonth,
			@RequestParam(name = "to-year", required = false) String toYear,
			@RequestParam(required = false) String page, Model model) {
		FormErrors errors = new FormErrors();
		QuestionId questionId = blank(question) ? null : QuestionId.parse(question).orElse(null);
		Source src = blank(source) ? null : Source.fromCode(source).orElse(null);
		String nationCode = labels.nations().containsKey(nation) ? nation : null;
		List<Event> allEvents = events.list();
		String eventCode = allEvents.stream()
			.map(Event::joinCode)
			.filter(code -> code.equalsIgnoreCase(event == null ? "" : event.strip()))
			.findFirst()
			.orElse(null);
		List<String> principles = principles();
		List<String> themes = annotations.valuesInUse("theme");
		String principleValue = principles.contains(principle) ? principle : null;
		String themeValue = themes.contains(theme) ? theme : null;
		DateInput from = new DateInput("from", "Date from", fromDay, fromMonth, fromYear);
		DateInput to = new DateInput("to", "Date to", toDay, toMonth, toYear);
		LocalDate fromDate = from.read(errors);
		LocalDate toDate = to.read(errors);
		if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
			to.reject(errors, "Date to must be the same as or after date from");
			toDate = null;
		}
		int pageNumber = pageNumber(page);

		model.addAttribute("errors", errors);
		model.addAttribute("question", questionId == null ? null : questionId.name());
		model.addAttribute("source", src == null ? null : src.code());
		model.addAttribute("nation", nationCode);
		model.addAttribute("event", eventCode);
		model.addAttribute("events", allEvents);
		model.addAttribute("principle", principleValue);
		model.addAttribute("principles", principles);
		model.addAttribute("theme", themeValue);
		model.addAttribute("themes", themes);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (errors.any()) {
			return "console/record";
		}

		Instant start = fromDate == null ? null : fromDate.atStartOfDay(Labels.UK).toInstant();
		Instant end = toDate == null ? null : toDate.plusDays(1).atStartOfDay(Labels.UK).toInstant();
		ContributionFilter filter = new ContributionFilter(questionId, src, eventCode, start, end, false, nationCode);
		List<LabelFilter> labelFilters = new ArrayList<>();
		if (principleValue != null) {
			labelFilters.add(new LabelFilter("principle", principleValue));
		}
		if (themeValue != null) {
			labelFilters.add(new LabelFilter("theme", themeValue));
		}
		ContributionPage found = contributions.find(filter, labelFilters, pageNumber - 1, PAGE_SIZE);
		int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (pageNumber > pages && found.total() > 0) {
			found = contributions.find(filter, labelFilters, pages - 1, PAGE_SIZE);
			pageNumber = pages;
		}
		List<Row> rows = found.items().stream().map(this::row).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("total", found.total());
		model.addAttribute("first", found.total() == 0 ? 0 : (long) (pageNumber - 1) * PAGE_SIZE + 1);
		model.addAttribute("last", (long) (pageNumber - 1) * PAGE_SIZE + rows.size());
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/record");
		addQuery(base, "question", questionId == null ? null : questionId.name());
		addQuery(base, "source", src == null ? null : src.code());
		addQuery(base, "nation", nationCode);
		addQuery(base, "event", eventCode);
		addQuery(base, "principle", principleValue);
		addQuery(base, "theme", themeValue);
		addDate(base, from);
		addDate(base, to);
		String here = base.cloneBuilder().queryParam("page", pageNumber).build().encode().toUriString();
		model.addAttribute("here", here);
		model.addAttribute("pagination", Pagination.of(pageNumber, pages, base.build().encode().toUriString()));
		UriComponentsBuilder csv = UriComponentsBuilder.fromPath("/api/export/contributions.csv");
		addQuery(csv, "questionId", questionId == null ? null : questionId.name());
		addQuery(csv, "source", src == null ? null : src.code());
		addQuery(csv, "nation", nationCode);
		addQuery(csv, "eventCode", eventCode);
		addQuery(csv, "from", fromDate == null ? null : fromDate.toString());
		addQuery(csv, "to", toDate == null ? null : toDate.toString());
		model.addAttribute("csvLink", csv.build().toUriString());
		return "console/record";
	}

	/** A person confirms a label: it stays, now with their name on it. */
	@PostMapping("/record/annotations/{id}/confirm")
	String confirm(@PathVariable String id, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		long annotationId = annotationId(id);
		try {
			Annotation confirmed = annotations.confirm(annotationId, EventsPage.signedInName());
			redirect.addFlashAttribute("success", "You confirmed the " + confirmed.kind() + " \"" + confirmed.value()
					+ "\".");
			return "redirect:" + back(back) + "#contribution-" + confirmed.contributionId();
		}
		catch (NotFound e) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		catch (InvalidRequest e) {
			redirect.addFlashAttribute("labelError", e.getMessage());
			return "redirect:" + back(back);
		}
	}

	/** A person corrects a label: the new value is theirs, and the model's stays in the history. */
	@PostMapping("/record/annotations/{id}/correct")
	String correct(@PathVariable String id, @RequestParam(required = false) String value,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		long annotationId = annotationId(id);
		String newValue = value == null ? "" : value.strip();
		if (newValue.isEmpty()) {
			redirect.addFlashAttribute("labelError", "Enter the label it should have");
			return "redirect:" + back(back);
		}
		try {
			Annotation corrected = annotations.correct(annotationId, newValue, EventsPage.signedInName());
			redirect.addFlashAttribute("success", "You corrected the " + corrected.kind() + " to \""
					+ corrected.value() + "\".");
			return "redirect:" + back(back) + "#contribution-" + corrected.contributionId();
		}
		catch (NotFound e) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		catch (InvalidRequest e) {
			redirect.addFlashAttribute("labelError", e.getMessage());
			return "redirect:" + back(back);
		}
	}

	private static long annotationId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
	}

	/** Back to the same page of the record, and nowhere else: never another site. */
	private static String back(String back) {
		if (back != null && back.startsWith("/record") && !back.contains("//") && !back.contains("\\")
				&& !back.contains("\r") && !back.contains("\n")) {
			return back;
		}
		return "/record";
	}

	private List<String> principles() {
		List<String> all = new ArrayList<>(List.of("recognition", "partnership", "participation", "transparency"));
		annotations.valuesInUse("principle").stream().filter(v -> !all.contains(v)).forEach(all::add);
		return all;
	}

	private Row row(Contribution c) {
		List<LabelRow> labelRows = annotations.current(c.id())
			.stream()
			.map(a -> new LabelRow(a.id(), a.kind(), a.value(),
					a.organiser() != null ? a.organiser() + (a.action().equals("assigned") ? "" : " (" + a.action() + ")")
							: a.model() + " " + a.modelVersion(),
					a.organiser() == null))
			.toList();
		return new Row(c.id(), labels.dateTime(c.createdAt()), labels.question(c.questionId()), labels.source(c.source()),
				labels.nation(c.nation()), c.representedCount(), labels.choice(c.choice()), redaction.redact(c.text()),
				c.language(), c.eventCode(), labelRows);
	}

	private static int pageNumber(String page) {
		try {
			return blank(page) ? 1 : Math.max(1, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException e) {
			return 1;
		}
	}

	private static void addQuery(UriComponentsBuilder builder, String name, String value) {
		if (value != null) {
			builder.queryParam(name, value);
		}
	}

	private static void addDate(UriComponentsBuilder builder, DateInput date) {
		addQuery(builder, date.name() + "-day", date.day().isEmpty() ? null : date.day());
		addQuery(builder, date.name() + "-month", date.month().isEmpty() ? null : date.month());
		addQuery(builder, date.name() + "-year", date.year().isEmpty() ? null : date.year());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * @param choice a quick answer such as "Yes", or null
	 * @param text the answer with contact details redacted, or null where there is only a choice
	 */
	public record Row(long id, String received, String question, String source, String nation, int people,
			String choice, String text, String language, String eventCode, List<LabelRow> labels) {
	}

	/**
	 * A label in force on a contribution.
	 *
	 * @param by the model and version, or the person, that set it
	 * @param byModel a model set it and no person has looked at it yet
	 */
	public record LabelRow(long id, String kind, String value, String by, boolean byModel) {
	}

	/** GOV.UK pagination: previous and next, the first and last pages, and those around the current one. */
	public record Pagination(int current, int pages, String previous, String next, List<Link> links) {

		public record Link(Integer number, String href, boolean current) {

			public boolean ellipsis() {
				return number == null;
			}
		}

		static Pagination of(int current, int pages, String base) {
			String join = base.contains("?") ? "&" : "?";
			List<Link> links = new ArrayList<>();
			int previousShown = 0;
			for (int n = 1; n <= pages; n++) {
				if (n == 1 || n == pages || Math.abs(n - current) <= 1) {
					if (n - previousShown > 1) {
						links.add(new Link(null, null, false));
					}
					links.add(new Link(n, base + join + "page=" + n, n == current));
					previousShown = n;
				}
			}
			return new Pagination(current, pages, current > 1 ? base + join + "page=" + (current - 1) : null,
					current < pages ? base + join + "page=" + (current + 1) : null, links);
		}
	}
}
