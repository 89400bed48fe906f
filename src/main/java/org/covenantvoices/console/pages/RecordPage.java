package org.covenantvoices.console.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.ContributionPage;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Redaction;
import org.covenantvoices.record.Source;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The record browser: filter by question, source, nation and date, page through the answers, read them as analysts
 * get them (contact details redacted), and download the same selection as CSV.
 */
@Controller
class RecordPage {

	static final int PAGE_SIZE = 25;

	private final Contributions contributions;

	private final Redaction redaction;

	private final Labels labels;

	RecordPage(Contributions contributions, Redaction redaction, Labels labels) {
		this.contributions = contributions;
		this.redaction = redaction;
		this.labels = labels;
	}

	@GetMapping("/record")
	String browse(@RequestParam(required = false) String question, @RequestParam(required = false) String source,
			@RequestParam(required = false) String nation,
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
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (errors.any()) {
			return "console/record";
		}

		Instant start = fromDate == null ? null : fromDate.atStartOfDay(Labels.UK).toInstant();
		Instant end = toDate == null ? null : toDate.plusDays(1).atStartOfDay(Labels.UK).toInstant();
		ContributionFilter filter = new ContributionFilter(questionId, src, null, start, end, false, nationCode);
		ContributionPage found = contributions.find(filter, pageNumber - 1, PAGE_SIZE);
		int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (pageNumber > pages && found.total() > 0) {
			found = contributions.find(filter, pages - 1, PAGE_SIZE);
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
		addDate(base, from);
		addDate(base, to);
		model.addAttribute("pagination", Pagination.of(pageNumber, pages, base.build().toUriString()));
		UriComponentsBuilder csv = UriComponentsBuilder.fromPath("/api/export/contributions.csv");
		addQuery(csv, "questionId", questionId == null ? null : questionId.name());
		addQuery(csv, "source", src == null ? null : src.code());
		addQuery(csv, "nation", nationCode);
		addQuery(csv, "from", fromDate == null ? null : fromDate.toString());
		addQuery(csv, "to", toDate == null ? null : toDate.toString());
		model.addAttribute("csvLink", csv.build().toUriString());
		return "console/record";
	}

	private Row row(Contribution c) {
		return new Row(c.id(), labels.dateTime(c.createdAt()), labels.question(c.questionId()), labels.source(c.source()),
				labels.nation(c.nation()), c.representedCount(), labels.choice(c.choice()), redaction.redact(c.text()),
				c.language(), c.eventCode());
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
			String choice, String text, String language, String eventCode) {
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
