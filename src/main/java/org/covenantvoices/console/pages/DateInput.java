package org.covenantvoices.console.pages;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A GOV.UK date input (day, month and year boxes), read and checked the way the Design System words its errors. The
 * error summary links to the first box to fix; the boxes at fault are outlined.
 */
public final class DateInput {

	private static final String[] PARTS = { "day", "month", "year" };

	private final String name;

	private final String label;

	private final String day;

	private final String month;

	private final String year;

	private final Set<String> invalid = new LinkedHashSet<>();

	private String error;

	/**
	 * @param name the field's id and name prefix: {@code from} gives from-day, from-month and from-year
	 * @param label how error messages name it ("Date from")
	 */
	public DateInput(String name, String label, String day, String month, String year) {
		this.name = name;
		this.label = label;
		this.day = trim(day);
		this.month = trim(month);
		this.year = trim(year);
	}

	/** @return the date, or null where the boxes are empty or wrong; a wrong date adds its error */
	public LocalDate read(FormErrors errors) {
		if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
			return null;
		}
		if (day.isEmpty() || month.isEmpty() || year.isEmpty()) {
			Set<String> missing = new LinkedHashSet<>();
			if (day.isEmpty()) {
				missing.add("day");
			}
			if (month.isEmpty()) {
				missing.add("month");
			}
			if (year.isEmpty()) {
				missing.add("year");
			}
			reject(errors, label + " must include a " + String.join(" and ", missing), missing);
			return null;
		}
		try {
			if (year.length() != 4) {
				reject(errors, "Year must include 4 numbers", Set.of("year"));
				return null;
			}
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (NumberFormatException | DateTimeException e) {
			reject(errors, label + " must be a real date", Set.of(PARTS));
			return null;
		}
	}

	/** Marks the whole date wrong, for a rule about it as a whole. */
	public void reject(FormErrors errors, String message) {
		reject(errors, message, Set.of(PARTS));
	}

	private void reject(FormErrors errors, String message, Set<String> parts) {
		for (String part : PARTS) {
			if (parts.contains(part)) {
				invalid.add(part);
			}
		}
		error = message;
		errors.add(name + "-" + invalid.iterator().next(), message);
	}

	public String name() {
		return name;
	}

	public String day() {
		return day;
	}

	public String month() {
		return month;
	}

	public String year() {
		return year;
	}

	public String error() {
		return error;
	}

	public boolean invalid(String part) {
		return invalid.contains(part);
	}

	private static String trim(String value) {
		return value == null ? "" : value.strip();
	}
}
