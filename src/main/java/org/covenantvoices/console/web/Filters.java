package org.covenantvoices.console.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;

/** The record's filters, as every list and export takes them, with a plain reason for each mistake. */
final class Filters {

	/** Dates without a time are days in the UK. */
	private static final ZoneId UK = ZoneId.of("Europe/London");

	private Filters() {
	}

	/** The nations a contribution may name; not_given finds those that name none. */
	static final java.util.List<String> NATIONS = java.util.List.of("england", "scotland", "wales", "northern_ireland",
			"uk", ContributionFilter.NATION_NOT_GIVEN);

	static ContributionFilter of(String questionId, String source, String eventCode, String from, String to,
			boolean includeSuperseded) {
		return of(questionId, source, eventCode, from, to, includeSuperseded, null);
	}

	static ContributionFilter of(String questionId, String source, String eventCode, String from, String to,
			boolean includeSuperseded, String nation) {
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
		if (!blank(eventCode) && eventCode.length() > 40) {
			throw new BadRequest("eventCode is too long");
		}
		String n = blank(nation) ? null : nation.strip().toLowerCase(java.util.Locale.ROOT);
		if (n != null && !NATIONS.contains(n)) {
			throw new BadRequest("nation must be one of " + String.join(", ", NATIONS));
		}
		return new ContributionFilter(question, src, blank(eventCode) ? null : eventCode.strip(), start, end,
				includeSuperseded, n);
	}

	/** The filter as the audit log records it. */
	static Map<String, Object> describe(ContributionFilter f) {
		Map<String, Object> d = new LinkedHashMap<>();
		if (f.questionId() != null) {
			d.put("questionId", f.questionId().name());
		}
		if (f.source() != null) {
			d.put("source", f.source().code());
		}
		if (f.eventCode() != null) {
			d.put("eventCode", f.eventCode());
		}
		if (f.from() != null) {
			d.put("from", f.from().toString());
		}
		if (f.to() != null) {
			d.put("to", f.to().toString());
		}
		if (f.includeSuperseded()) {
			d.put("includeSuperseded", true);
		}
		if (f.nation() != null) {
			d.put("nation", f.nation());
		}
		return d;
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

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
