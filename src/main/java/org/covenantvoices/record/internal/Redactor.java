package org.covenantvoices.record.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Takes out the contact details people most often put in free text: links, e-mail addresses, phone numbers and full
 * postcodes all become {@value #TOKEN}. It is deterministic (the same text always comes out the same), so exports
 * can be compared and re-run. It cannot find names; the understanding module adds model-based redaction where a
 * model is configured.
 */
final class Redactor {

	static final String TOKEN = "[redacted]";

	/** A link, without the punctuation that ends the sentence around it: "(see www.example.org)." */
	private static final Pattern URL = Pattern.compile("(?i)(?:\\b(?:https?://|www\\.)|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*"
			+ "\\.[a-z]{2,}/)[^\\s<>\"]*?(?=[).,;:!?'\\]]*(?:\\s|$))");

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");

	/** What libphonenumber does not parse (other countries' local formats): any run of 9 or more digits. */
	private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\p{N}])(?:\\+|00)?\\d[\\d \\-().]{7,}\\d(?![\\p{N}])");

	/** A full UK postcode: an outward code and an inward code, with or without the space (LS1 4AP, cf101ep). */
	private static final Pattern POSTCODE = Pattern
		.compile("(?i)\\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2})\\b");

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	/** UK numbers have 9 or 10 digits after the 0 or +44; shorter "possible" numbers are mostly counts and years. */
	private static final int MIN_PHONE_DIGITS = 9;

	private Redactor() {
	}

	/**
	 * With names a model found in this text too (whole words, any case), before the rules above.
	 * @param terms may be null
	 */
	static String redact(String text, String[] terms) {
		if (text == null || text.isEmpty() || terms == null || terms.length == 0) {
			return redact(text);
		}
		String out = text;
		for (String term : terms) {
			if (term != null && term.strip().length() >= 2) {
				out = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(term.strip()) + "(?![\\p{L}\\p{N}])")
					.matcher(out)
					.replaceAll(TOKEN);
			}
		}
		return redact(out);
	}

	static String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		// Cheap checks first: most answers have no link, no @ and few digits, and exports redact every row.
		String out = text;
		if (out.indexOf('/') >= 0 || containsIgnoreCase(out, "www.")) {
			out = URL.matcher(out).replaceAll(TOKEN);
		}
		if (out.indexOf('@') >= 0) {
			out = EMAIL.matcher(out).replaceAll(TOKEN);
		}
		long digits = out.chars().filter(Character::isDigit).count();
		if (digits >= MIN_PHONE_DIGITS) {
			out = phones(out);
			out = longDigitRuns(out);
		}
		return digits >= 2 ? POSTCODE.matcher(out).replaceAll(TOKEN) : out;
	}

	private static boolean containsIgnoreCase(String text, String part) {
		for (int i = 0; i + part.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

	private static String phones(String text) {
		List<int[]> spans = new ArrayList<>();
		for (PhoneNumberMatch match : PHONES.findNumbers(text, "GB", PhoneNumberUtil.Leniency.POSSIBLE,
				Long.MAX_VALUE)) {
			if (String.valueOf(match.number().getNationalNumber()).length() >= MIN_PHONE_DIGITS) {
				spans.add(new int[] { match.start(), match.end() });
			}
		}
		if (spans.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int from = 0;
		for (int[] span : spans) {
			out.append(text, from, span[0]).append(TOKEN);
			from = span[1];
		}
		return out.append(text, from, text.length()).toString();
	}

	private static String longDigitRuns(String text) {
		Matcher m = DIGIT_RUN.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (m.find()) {
			long digits = m.group().chars().filter(Character::isDigit).count();
			m.appendReplacement(out, digits >= MIN_PHONE_DIGITS ? TOKEN : Matcher.quoteReplacement(m.group()));
		}
		m.appendTail(out);
		return out.toString();
	}
}
