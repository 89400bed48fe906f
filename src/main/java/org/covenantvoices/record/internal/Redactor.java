package org.covenantvoices.record.internal;

import java.util.regex.Pattern;

/**
 * Removes the contact details people most often put in free text. It cannot find names; the understanding module
 * adds model-based redaction where a model is configured.
 */
final class Redactor {

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");

	private static final Pattern PHONE = Pattern.compile("(?<![\\p{N}])(?:\\+|00)?\\d[\\d \\-().]{7,}\\d(?![\\p{N}])");

	private static final Pattern POSTCODE = Pattern
		.compile("(?i)\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b");

	private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

	private Redactor() {
	}

	static String redact(String text) {
		if (text == null) {
			return null;
		}
		String out = EMAIL.matcher(text).replaceAll("[email removed]");
		out = URL.matcher(out).replaceAll("[link removed]");
		out = PHONE.matcher(out).replaceAll("[number removed]");
		return POSTCODE.matcher(out).replaceAll("[postcode removed]");
	}
}
