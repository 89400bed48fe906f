package org.covenantvoices.understanding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/**
 * Prompt templates from {@code prompts/}, never from Java strings. Participant text goes only into a delimited
 * slot, with the delimiters escaped, so that it stays data.
 */
final class PromptTemplates {

	static final String EXPLAIN = "explain.v1";

	static final String PROBE = "probe.v1";

	private PromptTemplates() {
	}

	static List<ChatMessage> render(String name, Map<String, String> values) {
		String template = load(name);
		int split = template.indexOf("---user---");
		if (split < 0) {
			throw new IllegalStateException("prompts/" + name + ".txt has no ---user--- line");
		}
		String system = fill(template.substring(0, split), values);
		String user = fill(template.substring(split + "---user---".length()), values);
		return List.of(SystemMessage.from(system.strip()), UserMessage.from(user.strip()));
	}

	/** Participant text, made unable to close or open a delimiter. */
	static String data(String text) {
		return text == null ? "" : text.replace("<", "\u2039").replace(">", "\u203A").replace("{{", "{ {");
	}

	private static String fill(String text, Map<String, String> values) {
		String out = text;
		for (Map.Entry<String, String> e : values.entrySet()) {
			out = out.replace("{{" + e.getKey() + "}}", e.getValue() == null ? "" : e.getValue());
		}
		return out;
	}

	private static String load(String name) {
		try (InputStream in = PromptTemplates.class.getResourceAsStream("/prompts/" + name + ".txt")) {
			if (in == null) {
				throw new IllegalStateException("prompts/" + name + ".txt is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
