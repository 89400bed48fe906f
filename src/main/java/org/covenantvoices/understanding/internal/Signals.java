package org.covenantvoices.understanding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The example phrases behind the reply-path detectors (prompts/understanding/signals.yaml): keywords and example
 * messages for confusion, safeguarding disclosures, abuse, vague answers and attempts to instruct the bot.
 */
final class Signals {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}?]+");

	final List<String> confusionKeywords;

	final List<String> confusionExamples;

	final List<String> safeguardingKeywords;

	final List<String> safeguardingExamples;

	final List<String> abuseKeywords;

	final List<String> vague;

	final List<String> injectionKeywords;

	final List<String> ordinary;

	private Signals(Map<String, Object> yaml) {
		confusionKeywords = normalised(all(yaml, "confusion", "keywords"));
		confusionExamples = raw(all(yaml, "confusion", "examples"));
		safeguardingKeywords = normalised(all(yaml, "safeguarding", "keywords"));
		safeguardingExamples = raw(all(yaml, "safeguarding", "examples"));
		abuseKeywords = normalised(all(yaml, "abuse", "keywords"));
		vague = normalised(all(yaml, "vague", null));
		injectionKeywords = normalised(all(yaml, "injection", "keywords"));
		ordinary = raw(all(yaml, "ordinary", null));
	}

	static Signals load() {
		Map<String, Object> yaml = new HashMap<>(read("signals.yaml"));
		yaml.putAll(read("injection.yaml"));
		return new Signals(yaml);
	}

	private static Map<String, Object> read(String name) {
		try (InputStream in = Signals.class.getResourceAsStream("/prompts/understanding/" + name)) {
			if (in == null) {
				throw new IllegalStateException("prompts/understanding/" + name + " is missing");
			}
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Lower case, no accents, words separated by single spaces; question marks kept. */
	static String normalise(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		plain = plain.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace("'", "");
		return NOT_WORD.matcher(plain).replaceAll(" ").strip();
	}

	/** Whole words or phrases only: "hurt" must not match "hurtful"? It must match "hurt me". */
	static boolean containsPhrase(String normalisedText, String normalisedPhrase) {
		if (normalisedPhrase.isEmpty()) {
			return false;
		}
		int from = 0;
		while (true) {
			int at = normalisedText.indexOf(normalisedPhrase, from);
			if (at < 0) {
				return false;
			}
			int end = at + normalisedPhrase.length();
			boolean startOk = at == 0 || normalisedText.charAt(at - 1) == ' ';
			boolean endOk = end == normalisedText.length() || normalisedText.charAt(end) == ' '
					|| normalisedPhrase.endsWith("?");
			if (startOk && endOk) {
				return true;
			}
			from = at + 1;
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> all(Map<String, Object> yaml, String section, String part) {
		Object node = yaml.get(section);
		if (node == null) {
			return List.of();
		}
		if (part != null) {
			node = ((Map<String, Object>) node).get(part);
		}
		List<String> out = new ArrayList<>();
		if (node instanceof Map<?, ?> byLanguage) {
			for (Object list : byLanguage.values()) {
				if (list instanceof Collection<?> items) {
					items.forEach(item -> out.add(String.valueOf(item)));
				}
			}
		}
		else if (node instanceof Collection<?> items) {
			items.forEach(item -> out.add(String.valueOf(item)));
		}
		return out;
	}

	private static List<String> normalised(List<String> items) {
		return items.stream().map(Signals::normalise).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static List<String> raw(List<String> items) {
		return items.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}
}
