package org.covenantvoices.console.pages;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.covenantvoices.campaign.Invitation;

/**
 * An invitation list as organisers keep it in a spreadsheet: one row per number, with who gave consent, when and how.
 * The campaign checks each invitation itself (numbers, consent, channel, language); this reads the CSV and says which
 * row could not be read.
 */
final class InvitationList {

	static final String FIELD = "invitationList";

	/** Column names as people write them, each reduced to letters only. */
	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("number", "number"),
			Map.entry("phone", "number"), Map.entry("phonenumber", "number"), Map.entry("mobile", "number"),
			Map.entry("consentgivenby", "by"), Map.entry("consentby", "by"), Map.entry("whogaveconsent", "by"),
			Map.entry("consentgivenat", "at"), Map.entry("consentgivenon", "at"), Map.entry("consentdate", "at"),
			Map.entry("consentgiven", "at"), Map.entry("consenthow", "how"), Map.entry("howconsentwasgiven", "how"),
			Map.entry("consentmethod", "how"), Map.entry("language", "language"), Map.entry("channel", "channel"));

	private static final int MAX_ROWS = 100_000;

	private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

	private InvitationList() {
	}

	/** @return the invitations, or none where the list is empty or could not be read (then {@code errors} says why) */
	static List<Invitation> read(String csv, FormErrors errors) {
		if (csv == null || csv.isBlank()) {
			return List.of();
		}
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		List<Invitation> invitations = new ArrayList<>();
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.setAllowMissingColumnNames(true)
			.get()
			.parse(new StringReader(text))) {
			Map<String, String> columns = new HashMap<>();
			for (String header : parser.getHeaderNames()) {
				String known = COLUMNS.get(header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
				if (known != null) {
					columns.putIfAbsent(known, header);
				}
			}
			for (String needed : List.of("number", "by", "at", "how")) {
				if (!columns.containsKey(needed)) {
					errors.add(FIELD, "The invitation list needs a first row naming its columns: number, "
							+ "consent given by, consent given on, how consent was given (and language, channel if you "
							+ "like)");
					return List.of();
				}
			}
			long firstBadDate = 0;
			int badDates = 0;
			for (CSVRecord row : parser) {
				if (invitations.size() >= MAX_ROWS) {
					errors.add(FIELD, "The invitation list has more than " + MAX_ROWS + " rows: split it into "
							+ "several campaigns");
					return List.of();
				}
				long line = row.getRecordNumber() + 1; // the spreadsheet's row, counting the column names
				LocalDate at = null;
				String date = value(row, columns.get("at"));
				if (date != null) {
					at = date(date);
					if (at == null && badDates++ == 0) {
						firstBadDate = line;
					}
				}
				invitations.add(new Invitation(value(row, columns.get("number")), value(row, columns.get("channel")),
						value(row, columns.get("language")), value(row, columns.get("by")), at,
						value(row, columns.get("how"))));
			}
			if (badDates > 0) {
				errors.add(FIELD, "Row " + firstBadDate + " of the invitation list: write the consent date like "
						+ "2026-11-01 or 01/11/2026" + (badDates > 1 ? " (" + (badDates - 1) + " more rows too)" : ""));
				return List.of();
			}
			return invitations;
		}
		catch (IOException | RuntimeException e) {
			errors.add(FIELD, "The invitation list could not be read as CSV: check its quotes and commas");
			return List.of();
		}
	}

	private static String value(CSVRecord row, String column) {
		if (column == null || !row.isMapped(column) || !row.isSet(column)) {
			return null;
		}
		String value = row.get(column).strip();
		return value.isEmpty() ? null : value;
	}

	private static LocalDate date(String value) {
		for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, UK_DATE)) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException e) {
				// try the next way of writing it
			}
		}
		return null;
	}
}
