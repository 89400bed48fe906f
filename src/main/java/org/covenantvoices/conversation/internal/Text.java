package org.covenantvoices.conversation.internal;

/** Makes participant text safe to store and show, without changing what the person said. */
final class Text {

	private Text() {
	}

	/**
	 * Drops characters that no person typed on purpose and that break storage: NUL and other control characters
	 * (not newlines or tabs), and halves of emoji whose other half was lost in transit.
	 */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					out.append(c).append(text.charAt(++i));
				}
				continue;
			}
			if (Character.isLowSurrogate(c)) {
				continue;
			}
			if (c == '\r') {
				out.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "" : "\n");
				continue;
			}
			if (Character.isISOControl(c) && c != '\n' && c != '\t') {
				continue;
			}
			out.append(c);
		}
		return out.toString().strip();
	}
}
