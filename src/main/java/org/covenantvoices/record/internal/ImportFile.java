package org.covenantvoices.record.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.covenantvoices.record.Granularity;
import org.covenantvoices.record.ImportProblem;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;

/**
 * Reads and checks an import file, without touching the database: every row is checked, and every problem is named
 * with its line, column and reason. Accepts UTF-8 with or without a byte order mark, Excel's CSV (commas or, in some
 * locales, semicolons; CRLF line ends; quoted newlines; trailing empty rows) and any Unicode text.
 */
final class ImportFile {

	/** Problems listed in full; the rest are only counted. */
	static final int LISTED_PROBLEMS = 500;

	static final int MAX_TEXT = 20_000;

	static final int MAX_REPRESENTED = 1_000_000;

	static final Set<String> ORGANISATION_TYPES = Set.of("charity", "community_group", "social_enterprise",
			"faith_group", "trade_union", "public_body", "other");

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** The columns, with the header names people use for them (compared without case, spaces or punctuation). */
	enum Column {

		EVENT_CODE(false, "eventcode", "event", "joincode", "code"), QUESTION(true, "question", "questionid",
				"engagementquestion"), TEXT(true, "text", "note", "notes", "response", "answer"),
		REPRESENTED_COUNT(false, "representedcount", "represented", "peoplerepresented"),
		ORGANISATION_TYPE(false, "organisationtype", "organizationtype"), NATION(false, "nation"),
		DATE(false, "date", "dategiven", "givenon"), EXTERNAL_ID(false, "externalid", "id", "rowid", "responseid"),
		SOURCE(false, "source"), LANGUAGE(false, "language"),
		MAY_PUBLISH_ANONYMOUSLY(false, "maypublishanonymously", "publishanonymously"),
		MAY_BE_CONTACTED(false, "maybecontacted");

		final boolean required;

		final List<String> names;

		Column(boolean required, String... names) {
			this.required = required;
			this.names = List.of(names);
		}

		String documented() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Optional<Column> forHeader(String header) {
			String key = header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
			return Arrays.stream(values()).filter(c -> c.names.contains(key)).findFirst();
		}
	}

	/** What the importer needs to know of an event. */
	record EventFacts(String code, LocalDate date, String nation) {
	}

	/** A checked row, ready for the record. */
	record Row(int line, Source source, QuestionId question, String text, String language, String organisationType,
			String nation, int representedCount, String eventCode, Instant givenAt, String externalId,
			Boolean mayPublishAnonymously, Boolean mayBeContacted, byte[] contentHash) {

		Granularity granularity() {
			if (source == Source.ROUNDTABLE_NOTE || source == Source.EVENT_MINUTES) {
				return Granularity.EVENT_NOTE;
			}
			return representedCount > 1 ? Granularity.GROUP : Granularity.PERSON;
		}
	}

	record Result(List<Row> rows, List<ImportProblem> problems, int problemCount, String sha256) {
	}

	private final List<ImportProblem> problems = new ArrayList<>();

	private int problemCount;

	private int[] lineStarts;

	private ImportFile() {
	}

	/**
	 * @param defaultSource for rows without a source column; may be null
	 * @param events looks up the events named in the file, all at once
	 */
	static Result read(byte[] bytes, Source defaultSource, Function<Set<String>, Map<String, EventFacts>> events,
			Instant now) {
		return new ImportFile().check(bytes, defaultSource, events, now);
	}

	private Result check(byte[] bytes, Source defaultSource, Function<Set<String>, Map<String, EventFacts>> events,
			Instant now) {
		String sha256 = sha256Hex(bytes);
		String text = decode(bytes);
		if (text == null) {
			return result(List.of(), sha256);
		}
		if (text.isBlank()) {
			problem(1, 1, null, "The file is empty. The first line must name the columns, such as "
					+ "event_code,question,text");
			return result(List.of(), sha256);
		}
		// Excel sometimes writes a "sep=," line first, to say which separator it used.
		int skipped = 0;
		if (text.regionMatches(true, 0, "sep=", 0, 4)) {
			int eol = text.indexOf('\n');
			skipped = 1;
			text = eol < 0 ? "" : text.substring(eol + 1);
		}
		indexLines(text);
		char delimiter = delimiter(text);
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
		List<CSVRecord> records;
		try (CSVParser parser = format.parse(new StringReader(text))) {
			records = parser.getRecords();
		}
		catch (IOException | RuntimeException e) {
			// commons-csv reports an unclosed quote or stray text after a quote with its own line count.
			java.util.regex.Matcher at = java.util.regex.Pattern.compile("line ([\\d,.]+)")
				.matcher(String.valueOf(e.getMessage()));
			int line = at.find() ? Integer.parseInt(at.group(1).replaceAll("\\D", "")) + skipped : 0;
			problem(line, 0, null, "The file could not be read as CSV here: check the quotes (\"). A cell with a "
					+ "quote in it must be in quotes, with the quote doubled (\"\")");
			return result(List.of(), sha256);
		}
		if (records.isEmpty()) {
			problem(1, 1, null, "The file has no header line");
			return result(List.of(), sha256);
		}
		int headerLine = 1 + skipped;
		Map<Column, Integer> columns = header(records.get(0), headerLine);
		if (problemCount > 0) {
			return result(List.of(), sha256);
		}
		Map<Column, String> headerNames = new EnumMap<>(Column.class);
		columns.forEach((column, index) -> headerNames.put(column, records.get(0).get(index)));
		if (!columns.containsKey(Column.SOURCE) && defaultSource == null) {
			problem(headerLine, 1, null, "Say where these rows come from: add a source column, or choose a source "
					+ "for the whole file (roundtable_note, event_minutes, online_form or other)");
			return result(List.of(), sha256);
		}

		Set<String> codes = new LinkedHashSet<>();
		if (columns.containsKey(Column.EVENT_CODE)) {
			for (CSVRecord record : records.subList(1, records.size())) {
				String code = cell(record, columns.get(Column.EVENT_CODE));
				if (code != null) {
					codes.add(JdbcEvents.canonical(code));
				}
			}
		}
		Map<String, EventFacts> known = codes.isEmpty() ? Map.of() : events.apply(codes);

		List<Row> rows = new ArrayList<>();
		Map<String, Integer> externalIds = new HashMap<>();
		for (int i = 1; i < records.size(); i++) {
			CSVRecord record = records.get(i);
			int line = lineOf(record.getCharacterPosition()) + skipped;
			RowCheck check = new RowCheck(this, line, i + 1, record, columns, headerNames);
			if (check.blank()) {
				continue; // Excel leaves rows of empty cells behind
			}
			Row row = check.row(defaultSource, known, now, externalIds);
			if (row != null) {
				rows.add(row);
			}
		}
		if (rows.isEmpty() && problemCount == 0) {
			problem(headerLine, 1, null, "The file has a header but no rows to import");
		}
		return result(rows, sha256);
	}

	private Result result(List<Row> rows, String sha256) {
		return new Result(problemCount == 0 ? rows : List.of(), List.copyOf(problems), problemCount, sha256);
	}

	void problem(int line, int row, String column, String reason) {
		problemCount++;
		if (problems.size() < LISTED_PROBLEMS) {
			problems.add(new ImportProblem(line, row, column, reason));
		}
	}

	private Map<Column, Integer> header(CSVRecord header, int line) {
		Map<Column, Integer> columns = new EnumMap<>(Column.class);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip();
			if (name.isEmpty()) {
				continue; // an unnamed column is allowed only if it stays empty; checked per row
			}
			Optional<Column> column = Column.forHeader(name);
			if (column.isEmpty()) {
				problem(line, 1, name, "is not a column we know. Use: " + String.join(", ",
						Arrays.stream(Column.values()).map(Column::documented).toList()));
			}
			else if (columns.containsKey(column.get())) {
				problem(line, 1, name, "appears twice (as " + header.get(columns.get(column.get())) + " too)");
			}
			else {
				columns.put(column.get(), i);
			}
		}
		for (Column column : Column.values()) {
			if (column.required && !columns.containsKey(column)) {
				problem(line, 1, column.documented(), "is missing: every file needs a " + column.documented()
						+ " column");
			}
		}
		return columns;
	}

	/** Comma, unless the header line has semicolons and no commas (Excel in some European locales). */
	private static char delimiter(String text) {
		int eol = text.indexOf('\n');
		String first = eol < 0 ? text : text.substring(0, eol);
		return first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
	}

	/** Strict UTF-8, without a byte order mark; null (with a problem) where the bytes are not UTF-8. */
	private String decode(byte[] bytes) {
		int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
				|| (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
			problem(1, 1, null, "The file is saved as UTF-16. Save it as \"CSV UTF-8\" and try again");
			return null;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
		}
		catch (CharacterCodingException e) {
			int line = 1;
			int bad = firstInvalidUtf8(bytes, offset);
			for (int i = offset; i < bad; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			problem(line, 0, null, "This line is not UTF-8 text (perhaps a Welsh letter or a curly quote saved by "
					+ "an older program). In Excel, use Save As and choose \"CSV UTF-8\"");
			return null;
		}
	}

	private static int firstInvalidUtf8(byte[] bytes, int from) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
		var out = java.nio.CharBuffer.allocate(8192);
		while (true) {
			var result = decoder.decode(in, out, true);
			if (result.isError()) {
				return in.position();
			}
			if (result.isUnderflow()) {
				return bytes.length;
			}
			out.clear();
		}
	}

	private void indexLines(String text) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
				starts.add(i + 1);
			}
		}
		lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The 1-based line on which the character at this position is. */
	private int lineOf(long position) {
		int index = Arrays.binarySearch(lineStarts, (int) position);
		return (index >= 0 ? index : -index - 2) + 1;
	}

	static String cell(CSVRecord record, Integer index) {
		if (index == null || index >= record.size()) {
			return null;
		}
		String value = record.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	static String sha256Hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(sha256(bytes));
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The checks on one row. */
	private static final class RowCheck {

		private final ImportFile file;

		private final int line;

		private final int row;

		private final CSVRecord record;

		private final Map<Column, Integer> columns;

		private final Map<Column, String> names;

		private boolean ok = true;

		RowCheck(ImportFile file, int line, int row, CSVRecord record, Map<Column, Integer> columns,
				Map<Column, String> names) {
			this.file = file;
			this.line = line;
			this.row = row;
			this.record = record;
			this.columns = columns;
			this.names = names;
		}

		boolean blank() {
			for (String value : record) {
				if (!value.isBlank()) {
					return false;
				}
			}
			return true;
		}

		private void problem(Column column, String reason) {
			ok = false;
			file.problem(line, row, column == null ? null : names.getOrDefault(column, column.documented()), reason);
		}

		private String get(Column column) {
			return cell(record, columns.get(column));
		}

		Row row(Source defaultSource, Map<String, EventFacts> events, Instant now,
				Map<String, Integer> externalIds) {
			Source source = defaultSource;
			String sourceText = get(Column.SOURCE);
			if (sourceText != null) {
				source = Source.fromCode(sourceText.replace(' ', '_').replace('-', '_'))
					.filter(s -> s == Source.ROUNDTABLE_NOTE || s == Source.EVENT_MINUTES || s == Source.ONLINE_FORM
							|| s == Source.OTHER)
					.orElse(null);
				if (source == null) {
					problem(Column.SOURCE, "must be roundtable_note, event_minutes, online_form or other, not \""
							+ shorten(sourceText) + "\"");
				}
			}
			else if (source == null) {
				problem(Column.SOURCE, "is empty: say where this row comes from");
			}

			QuestionId question = null;
			String questionText = get(Column.QUESTION);
			if (questionText == null) {
				problem(Column.QUESTION, "is empty: give Q1 to Q6, or general");
			}
			else {
				question = QuestionId.parse(questionText.replace(" ", "")).orElse(null);
				if (question == null) {
					problem(Column.QUESTION, "must be Q1, Q2, Q3, Q4, Q5, Q6, general or other, not \""
							+ shorten(questionText) + "\"");
				}
			}

			String text = get(Column.TEXT);
			if (text == null) {
				problem(Column.TEXT, "is empty: each row needs the words of the note or response");
			}
			else {
				text = clean(text);
				if (text.length() > MAX_TEXT) {
					problem(Column.TEXT, "is too long: at most " + MAX_TEXT + " characters, here " + text.length()
							+ ". Split it into several rows");
				}
			}

			int represented = 1;
			String count = get(Column.REPRESENTED_COUNT);
			if (count != null) {
				String digits = count.replace(",", "").replace(" ", "");
				if (!digits.matches("\\d{1,7}") || Integer.parseInt(digits) < 1
						|| Integer.parseInt(digits) > MAX_REPRESENTED) {
					problem(Column.REPRESENTED_COUNT, "must be a whole number of people from 1 to " + MAX_REPRESENTED
							+ ", not \"" + shorten(count) + "\"");
				}
				else {
					represented = Integer.parseInt(digits);
				}
			}

			EventFacts event = null;
			String code = get(Column.EVENT_CODE);
			if (code != null) {
				event = events.get(JdbcEvents.canonical(code));
				if (event == null) {
					problem(Column.EVENT_CODE, "there is no event with the code \"" + shorten(code)
							+ "\". Create the event first, or check the code");
				}
			}

			String organisationType = null;
			String type = get(Column.ORGANISATION_TYPE);
			if (type != null) {
				organisationType = type.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
				if (!ORGANISATION_TYPES.contains(organisationType)) {
					problem(Column.ORGANISATION_TYPE, "must be one of " + String.join(", ",
							ORGANISATION_TYPES.stream().sorted().toList()) + ", not \"" + shorten(type) + "\"");
				}
			}

			String nation = null;
			String nationText = get(Column.NATION);
			if (nationText != null) {
				nation = nation(nationText);
				if (nation == null) {
					problem(Column.NATION, "must be england, scotland, wales or northern_ireland, not \""
							+ shorten(nationText) + "\"");
				}
			}
			else if (event != null && event.nation() != null && !"uk".equals(event.nation())) {
				nation = event.nation();
			}

			Instant givenAt = null;
			String date = get(Column.DATE);
			if (date != null) {
				givenAt = date(date);
				if (givenAt == null) {
					problem(Column.DATE, "must be a date like 2026-11-28 or 28/11/2026, not \"" + shorten(date)
							+ "\"");
				}
				else if (givenAt.isAfter(now.plusSeconds(36 * 3600))) {
					problem(Column.DATE, "is in the future");
				}
			}
			else if (event != null) {
				givenAt = event.date().atStartOfDay(UK).toInstant();
			}
			else if (code == null) {
				problem(Column.DATE, "is empty: a row with no event code needs the date it was given");
			}

			String externalId = get(Column.EXTERNAL_ID);
			if (externalId != null) {
				if (externalId.length() > 200) {
					problem(Column.EXTERNAL_ID, "is too long: at most 200 characters");
				}
				String key = (source == null ? "" : source.code()) + "\u001f"
						+ (event == null ? "" : event.code()) + "\u001f" + externalId;
				Integer first = externalIds.putIfAbsent(key, line);
				if (first != null) {
					problem(Column.EXTERNAL_ID, "\"" + shorten(externalId) + "\" is already used on line " + first);
				}
			}

			String language = "en";
			String languageText = get(Column.LANGUAGE);
			if (languageText != null) {
				language = language(languageText);
				if (language == null) {
					problem(Column.LANGUAGE, "must be en (English) or cy (Welsh), not \"" + shorten(languageText)
							+ "\"");
				}
			}
			Boolean mayPublish = flag(Column.MAY_PUBLISH_ANONYMOUSLY);
			Boolean mayContact = flag(Column.MAY_BE_CONTACTED);

			if (!ok) {
				return null;
			}
			String eventCode = event == null ? null : event.code();
			byte[] hash = sha256(String
				.join("\u001f", source.code(), String.valueOf(eventCode), question.name(), text,
						String.valueOf(represented), String.valueOf(organisationType), String.valueOf(nation),
						String.valueOf(givenAt), language, String.valueOf(mayPublish), String.valueOf(mayContact))
				.getBytes(StandardCharsets.UTF_8));
			return new Row(line, source, question, text, language, organisationType, nation, represented, eventCode,
					givenAt, externalId, mayPublish, mayContact, hash);
		}

		private Boolean flag(Column column) {
			String value = get(column);
			if (value == null) {
				return null;
			}
			switch (value.toLowerCase(Locale.ROOT)) {
				case "yes", "y", "true", "1", "ie", "do" -> {
					return true;
				}
				case "no", "n", "false", "0", "na", "naddo" -> {
					return false;
				}
				default -> {
					problem(column, "must be yes or no, or left empty, not \"" + shorten(value) + "\"");
					return null;
				}
			}
		}

		private static String nation(String value) {
			String key = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
			return switch (key) {
				case "england", "lloegr" -> "england";
				case "scotland", "yralban", "alban" -> "scotland";
				case "wales", "cymru" -> "wales";
				case "northernireland", "ni", "gogleddiwerddon" -> "northern_ireland";
				default -> null;
			};
		}

		private static String language(String value) {
			return switch (value.toLowerCase(Locale.ROOT).strip()) {
				case "en", "eng", "english", "saesneg" -> "en";
				case "cy", "cym", "welsh", "cymraeg" -> "cy";
				default -> null;
			};
		}

		private static Instant date(String value) {
			try {
				if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
					return LocalDate.parse(value).atStartOfDay(UK).toInstant();
				}
				if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
					return LocalDate.parse(value, UK_DATE).atStartOfDay(UK).toInstant();
				}
				if (value.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
					return java.time.LocalDateTime.parse(value.replace(' ', 'T')).atZone(UK).toInstant();
				}
				return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
			}
			catch (DateTimeException e) {
				return null;
			}
		}

		/** Line ends as \n, no control characters a person did not type. */
		private static String clean(String text) {
			StringBuilder out = new StringBuilder(text.length());
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\r') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						continue;
					}
					out.append('\n');
				}
				else if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
					out.append(c);
				}
			}
			return out.toString().strip();
		}

		private static String shorten(String value) {
			return value.length() > 40 ? value.substring(0, 40) + "..." : value;
		}
	}
}
