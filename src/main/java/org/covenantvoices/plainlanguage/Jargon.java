package org.covenantvoices.plainlanguage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The project's list of words participant-facing English must not use (conversations/jargon.txt). */
public final class Jargon {

	private static final List<String> WORDS = load();

	private Jargon() {
	}

	public static List<String> words() {
		return WORDS;
	}

	/** The first listed word or phrase the text uses, if any. */
	public static Optional<String> find(String text) {
		String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' -]", " ") + " ";
		return WORDS.stream().filter(word -> lower.contains(" " + word + " ")).findFirst();
	}

	private static List<String> load() {
		try (InputStream in = Jargon.class.getResourceAsStream("/conversations/jargon.txt")) {
			if (in == null) {
				throw new IllegalStateException("conversations/jargon.txt is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
