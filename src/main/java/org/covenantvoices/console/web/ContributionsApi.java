package org.covenantvoices.console.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.ContributionPage;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record for analysts: pseudonymous, paged, filterable, and as CSV. */
@RestController
class ContributionsApi {

	static final int MAX_PAGE_SIZE = 500;

	/** The nations a contribution may name; not_given finds those that name none. */
	static final List<String> NATIONS = List.of("england", "scotland", "wales", "northern_ireland",
			"uk", ContributionFilter.NATION_NOT_GIVEN);

	/** Dates without a time are days in the UK. */
	private static final ZoneId UK = ZoneId.of("Europe/London");

	private final Contributions contributions;

	ContributionsApi(Contributions contributions) {
		this.contributions = contributions;
	}

	@GetMapping("/api/contributions")
	ContributionPage list(@RequestParam(required = false) String questionId,
			@RequestParam(required = false) String source, @RequestParam(required = false) String eventCode,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean includeSuperseded, @RequestParam(required = false) String nation,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw new BadRequest("page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadRequest("size must be from 1 to " + MAX_PAGE_SIZE);
		}
		return contributions.find(filter(questionId, source, eventCode, from, to, includeSuperseded, nation), page,
				size);
	}

	@GetMapping("/api/export/contributions.csv")
	void csv(@RequestParam(required = false) String questionId, @RequestParam(required = false) String source,
			@RequestParam(required = false) String eventCode, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean includeSuperseded,
			@RequestParam(required = false) String nation, HttpServletResponse response) throws IOException {
		ContributionFilter filter = filter(questionId, source, eventCode, from, to, includeSuperseded, nation);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"covenant-contributions.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// Excel reads Welsh letters correctly only with a byte order mark.
		out.write('\uFEFF');
		contributions.exportCsv(filter, out);
		out.flush();
	}

	private static ContributionFilter filter(String questionId, String source, String eventCode, String from,
			String to, boolean includeSuperseded, String nation) {
		QuestionId question = blank(questionId) ? null : QuestionId.parse(questionId)
			.orElseThrow(() -> new BadRequest("questionId must be one of Q1 to Q6, OTHER or GENERAL"));
		Source src = blank(source) ? null : Source.fromCode(source)
			.orElseThrow(() -> new BadRequest("source must be one of sms, whatsapp, telegram, simulator, "
					+ "roundtable_note, event_minutes, online_form, other"));
		Instant start = time("from", from, false);
		Instant end = time("to", to, true);
		if (start != null && end != null && !start.isBefore(end)) {
			throw new BadRequest("from must be before to");
		}
		String nationCode = blank(nation) ? null : nation.strip().toLowerCase(Locale.ROOT);
		if (nationCode != null && !NATIONS.contains(nationCode)) {
			throw new BadRequest("nation must be one of " + String.join(", ", NATIONS));
		}
		return new ContributionFilter(question, src, blank(eventCode) ? null : eventCode.strip(), start, end,
				includeSuperseded, nationCode);
	}

	/** A day (2026-11-28; "to" includes the whole day) or an exact time (2026-11-28T09:00:00Z). */
	private static Instant time(String name, String value, boolean endOfDay) {
		if (blank(value)) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(UK).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeParseException | ArithmeticException e) {
			throw new BadRequest(name + " must be a date like 2026-11-28 or a time like 2026-11-28T09:00:00Z");
		}
		catch (DateTimeException e) {
			throw new BadRequest(name + " is out of range");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
