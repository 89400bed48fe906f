package org.covenantvoices.plainlanguage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many SMS segments a text costs, as Twilio counts them. GSM-7 holds 160 characters in one segment, or 153 per
 * segment once split; its extension characters ({@code ^ { } [ ] ~ \ | €} and form feed) take two places. Any
 * other character switches the whole text to UCS-2: 70 code units in one segment, 67 per segment once split.
 * A character, as people see it, is never split across two segments.
 *
 * @param units GSM-7 septets or UCS-2 code units
 * @param remaining how many more units fit in the last segment
 */
public record SmsSegments(Encoding encoding, int units, int segments, int remaining) {

	public enum Encoding {
		GSM_7, UCS_2
	}

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "\f^{}\\[~]|€";

	private static final Pattern GRAPHEME = Pattern.compile("\\X");

	public static SmsSegments of(String text) {
		return isGsm7(text) ? gsm7(text) : ucs2(text);
	}

	/** True where every character is in the GSM-7 alphabet or its extension. */
	public static boolean isGsm7(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	/** The characters that force UCS-2, for a report that says what to change. */
	public static String nonGsm7Characters(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints()
			.filter(cp -> cp > 0xFFFF || (BASIC.indexOf(cp) < 0 && EXTENSION.indexOf(cp) < 0))
			.distinct()
			.forEach(out::appendCodePoint);
		return out.toString();
	}

	private static SmsSegments gsm7(String text) {
		int septets = 0;
		for (int i = 0; i < text.length(); i++) {
			septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
		}
		if (septets <= 160) {
			return new SmsSegments(Encoding.GSM_7, septets, 1, 160 - septets);
		}
		int segments = 1;
		int used = 0;
		for (int i = 0; i < text.length(); i++) {
			int size = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
			if (used + size > 153) {
				segments++;
				used = 0;
			}
			used += size;
		}
		return new SmsSegments(Encoding.GSM_7, septets, segments, 153 - used);
	}

	private static SmsSegments ucs2(String text) {
		int units = text.length();
		if (units <= 70) {
			return new SmsSegments(Encoding.UCS_2, units, 1, 70 - units);
		}
		int segments = 1;
		int used = 0;
		// A whole character as people see it (an emoji, a flag, a family) stays in one segment, as Twilio does it.
		Matcher grapheme = GRAPHEME.matcher(text);
		while (grapheme.find()) {
			int size = grapheme.end() - grapheme.start();
			if (used + size > 67 && used > 0) {
				segments++;
				used = 0;
			}
			used += size;
		}
		return new SmsSegments(Encoding.UCS_2, units, segments, 67 - used);
	}
}
