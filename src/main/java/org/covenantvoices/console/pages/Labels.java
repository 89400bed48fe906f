package org.covenantvoices.console.pages;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.covenantvoices.console.Role;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.springframework.stereotype.Component;

/**
 * The words the console shows for the record's codes, and UK dates and numbers in GOV.UK style. Templates reach it as
 * {@code @labels}.
 */
@Component("labels")
public class Labels {

	/** The console's time zone: organisers are in the UK. */
	public static final ZoneId UK = ZoneId.of("Europe/London");

	private static final Map<QuestionId, String> QUESTIONS = new LinkedHashMap<>();

	private static final Map<String, String> SOURCES = new LinkedHashMap<>();

	private static final Map<String, String> NATIONS = new LinkedHashMap<>();

	static {
		QUESTIONS.put(QuestionId.Q1, "The four principles");
		QUESTIONS.put(QuestionId.Q2, "What makes partnership work");
		QUESTIONS.put(QuestionId.Q3, "Barriers to partnership");
		QUESTIONS.put(QuestionId.Q4, "Making the Covenant count");
		QUESTIONS.put(QuestionId.Q5, "Spreading new ideas");
		QUESTIONS.put(QuestionId.Q6, "The economic context");
		QUESTIONS.put(QuestionId.OTHER, "Anything else");
		QUESTIONS.put(QuestionId.GENERAL, "General event notes");
		SOURCES.put("sms", "SMS");
		SOURCES.put("whatsapp", "WhatsApp");
		SOURCES.put("telegram", "Telegram");
		SOURCES.put("simulator", "Simulator");
		SOURCES.put("roundtable_note", "Roundtable notes");
		SOURCES.put("event_minutes", "Event minutes");
		SOURCES.put("online_form", "Online form");
		SOURCES.put("other", "Other");
		NATIONS.put("england", "England");
		NATIONS.put("scotland", "Scotland");
		NATIONS.put("wales", "Wales");
		NATIONS.put("northern_ireland", "Northern Ireland");
		NATIONS.put("uk", "UK-wide");
		NATIONS.put(ContributionFilter.NATION_NOT_GIVEN, "Not given");
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	/** "Q2: What makes partnership work". */
	public String question(String questionId) {
		return QuestionId.parse(questionId == null ? "" : questionId)
			.map(q -> (q.name().startsWith("Q") ? q.name() + ": " : "") + QUESTIONS.get(q))
			.orElse(questionId);
	}

	public Map<QuestionId, String> questions() {
		return QUESTIONS;
	}

	public String source(String code) {
		return SOURCES.getOrDefault(code, code);
	}

	/** Every source of the record, by code, in a steady order. */
	public Map<String, String> sources() {
		Map<String, String> all = new LinkedHashMap<>();
		for (Source source : Source.values()) {
			all.put(source.code(), SOURCES.getOrDefault(source.code(), source.code()));
		}
		return all;
	}

	public String nation(String code) {
		return code == null ? NATIONS.get(ContributionFilter.NATION_NOT_GIVEN) : NATIONS.getOrDefault(code, code);
	}

	/** Nations to filter by, including "not given". */
	public Map<String, String> nations() {
		return NATIONS;
	}

	public String role(Role role) {
		return switch (role) {
			case ADMIN -> "Administrator";
			case ORGANISER -> "Organiser";
			case ANALYST -> "Analyst";
		};
	}

	public String roleDescription(Role role) {
		return switch (role) {
			case ADMIN -> "Everything an organiser can do, and managing console users.";
			case ORGANISER -> "Reads the record and the dashboard, tries the conversation in the simulator, and runs "
					+ "events, imports and campaigns as they arrive.";
			case ANALYST -> "Reads and exports the record and the dashboard. Cannot send anything or change anything.";
		};
	}

	/** "28 November 2026 at 9:05pm", in UK time. */
	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		ZonedDateTime uk = instant.atZone(UK);
		return DAY.format(uk) + " at " + time(uk);
	}

	/** "28 November 2026". */
	public String date(Instant instant) {
		return instant == null ? "" : DAY.format(instant.atZone(UK));
	}

	public String time(Instant instant) {
		return instant == null ? "" : time(instant.atZone(UK));
	}

	private static String time(ZonedDateTime uk) {
		return TIME.format(uk).toLowerCase(Locale.UK).replace(":00", "");
	}

	/** "1,234". */
	public String number(long n) {
		return NumberFormat.getIntegerInstance(Locale.UK).format(n);
	}

	/** "40%", of a total that may be zero. */
	public String percent(long part, long whole) {
		return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
	}

	/** The choice words of the record's quick answers. */
	public String choice(String choice) {
		if (choice == null) {
			return null;
		}
		return switch (choice) {
			case "yes" -> "Yes";
			case "no" -> "No";
			case "not_sure" -> "Not sure";
			default -> choice.replace('_', ' ');
		};
	}

	/** An event's kind, as organisers say it. */
	public String eventKind(String kind) {
		return switch (kind == null ? "" : kind) {
			case "roundtable" -> "Roundtable";
			case "event" -> "Event";
			case "online_session" -> "Online session";
			default -> "Other";
		};
	}

	/** "Roundtable" and the other kinds an organiser may choose, by code. */
	public Map<String, String> eventKinds() {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (String code : new String[] { "roundtable", "event", "online_session", "other" }) {
			kinds.put(code, eventKind(code));
		}
		return kinds;
	}

	/** "28 November 2026", for a day with no time. */
	public String day(java.time.LocalDate day) {
		return day == null ? "" : DAY.format(day);
	}
}
