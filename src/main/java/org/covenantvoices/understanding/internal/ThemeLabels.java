package org.covenantvoices.understanding.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.covenantvoices.plainlanguage.Jargon;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short, readable name for a theme from the chat model, where one is configured. The model only ever sees redacted
 * answers, as data; its label is checked and thrown away (keeping the terms label) when it is not a plain, short
 * phrase without names.
 */
@Component
class ThemeLabels {

	static final String PROMPT = "theme.v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z '\\-]*[A-Za-z]");

	/** Words that suggest the model was steered, or is talking about itself rather than the answers. */
	private static final List<String> FORBIDDEN = List.of("prompt", "instruction", "assistant", "language model",
			"chatgpt", "openai", "ignore", "sorry", "cannot", "json", "http", "www");

	private static final int QUOTES_IN_PROMPT = 5;

	private final ModelGateway models;

	private final UnderstandingProperties properties;

	ThemeLabels(ModelGateway models, UnderstandingProperties properties) {
		this.models = models;
		this.properties = properties;
	}

	boolean configured() {
		return models.configured();
	}

	String modelName() {
		return properties.llm().model();
	}

	/** The model's checked label, or empty: no model, down, slow, or a label that failed the checks. */
	Optional<String> label(String question, List<String> terms, List<String> answers) {
		if (!models.configured()) {
			return Optional.empty();
		}
		StringBuilder data = new StringBuilder();
		answers.stream().limit(QUOTES_IN_PROMPT).forEach(a -> data.append("- ").append(PromptTemplates.data(a)).append('\n'));
		Optional<String> reply = models.completeJson("theme", PromptTemplates.render(PROMPT, Map.of("question", question,
				"terms", String.join(", ", terms), "answers", data.toString().strip())), 60);
		return reply.flatMap(ThemeLabels::parse);
	}

	static Optional<String> parse(String json) {
		try {
			JsonNode node = JSON.readTree(json.strip());
			if (node == null || !node.isObject() || !node.path("label").isString()) {
				return Optional.empty();
			}
			String label = node.get("label").asString().strip();
			return problem(label) == null ? Optional.of(label) : Optional.empty();
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	/** @return null where the label may be shown, otherwise why not */
	static String problem(String label) {
		if (label.length() < 3 || label.length() > 50) {
			return "length";
		}
		if (!SHAPE.matcher(label).matches()) {
			return "not plain words";
		}
		String[] words = label.split("\\s+");
		if (words.length < 2 || words.length > 6) {
			return "word count";
		}
		for (int i = 0; i < words.length; i++) {
			// A capital after the first word is most likely a name; a word in capitals reads as a shout or a code.
			if ((i > 0 && Character.isUpperCase(words[i].charAt(0))) || (words[i].length() > 1
					&& words[i].equals(words[i].toUpperCase(Locale.ROOT)))) {
				return "capitals";
			}
		}
		String lower = " " + label.toLowerCase(Locale.ROOT) + " ";
		for (String word : FORBIDDEN) {
			if (lower.contains(word)) {
				return "uses '" + word + "'";
			}
		}
		if (Jargon.find(label).isPresent()) {
			return "jargon";
		}
		return null;
	}
}
