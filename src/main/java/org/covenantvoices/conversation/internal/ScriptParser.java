package org.covenantvoices.conversation.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a conversation script and checks it thoroughly, so that a mistake stops start-up with the file, the line
 * and the reason, rather than confusing a participant later.
 */
final class ScriptParser {

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

	private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private static final Set<String> PLACEHOLDERS = Set.of("number", "total", "min", "max", "code");

	private static final Set<String> SAVE_FIELDS = Set.of("answering_as", "group_size", "organisation_type", "nation",
			"area", "updates_opt_in");

	private static final Set<String> QUESTIONS = Set.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "OTHER");

	private final String file;

	private ScriptParser(String file) {
		this.file = file;
	}

	static ConversationScript parse(String file, String content) {
		return new ScriptParser(file).parse(content);
	}

	private ConversationScript parse(String content) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			root = new Yaml(options).compose(new StringReader(content));
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
			throw new ScriptException(file, line, "this is not valid YAML: " + e.getProblem());
		}
		catch (YAMLException e) {
			throw new ScriptException(file, 0, "this is not valid YAML: " + e.getMessage());
		}
		if (!(root instanceof MappingNode)) {
			throw new ScriptException(file, root == null ? 0 : line(root), "the file must be a YAML mapping with "
					+ "script, language, version, commands, words, messages and steps");
		}
		Obj top = new Obj((MappingNode) root, "the file");
		top.allowOnly("script", "language", "language_name", "version", "commands", "words", "messages", "steps");
		String script = top.id("script");
		String language = top.string("language");
		if (!language.matches("[a-z]{2}")) {
			throw error(top.node("language"), "language must be a two-letter code such as en or cy");
		}
		String languageName = top.optionalString("language_name", language);
		String version = top.string("version");

		Map<Command, List<String>> commands = new EnumMap<>(Command.class);
		Obj commandsObj = top.obj("commands");
		Set<String> known = new HashSet<>();
		for (Command c : Command.values()) {
			known.add(c.key);
		}
		commandsObj.allowOnly(known.toArray(String[]::new));
		Map<String, String> commandOwner = new HashMap<>();
		for (Command command : Command.values()) {
			List<String> words = commandsObj.words(command.key);
			for (String w : words) {
				String previous = commandOwner.put(w, command.key);
				if (previous != null && !previous.equals(command.key)) {
					throw error(commandsObj.node(command.key),
							"the word " + w + " is listed under both " + previous + " and " + command.key);
				}
			}
			commands.put(command, words);
		}

		Obj words = top.obj("words");
		words.allowOnly("yes", "no");
		List<String> yes = words.words("yes");
		List<String> no = words.words("no");

		Obj messagesObj = top.obj("messages");
		Map<String, String> messages = new LinkedHashMap<>();
		for (String key : ConversationScript.MESSAGE_KEYS) {
			messages.put(key, messagesObj.text(key));
		}
		messagesObj.allowOnly(ConversationScript.MESSAGE_KEYS.toArray(String[]::new));
		for (Map.Entry<String, String> m : messages.entrySet()) {
			checkPlaceholders(messagesObj.node(m.getKey()), m.getValue());
		}

		List<Step> steps = new ArrayList<>();
		Map<String, Node> nodesById = new HashMap<>();
		for (Node node : top.list("steps")) {
			Step step = step(node, commandOwner);
			if (nodesById.put(step.id(), node) != null) {
				throw error(node, "there are two steps with the id " + step.id());
			}
			steps.add(step);
		}
		if (steps.isEmpty()) {
			throw error(top.node("steps"), "the script has no steps");
		}
		checkFlow(steps, nodesById);
		return new ConversationScript(script, language, languageName, version, sha256(content), file, content,
				commands, yes, no, messages, steps);
	}

	private Step step(Node node, Map<String, String> commandWords) {
		if (!(node instanceof MappingNode mapping)) {
			throw error(node, "each step must be a mapping with at least id, type and text");
		}
		Obj s = new Obj(mapping, "a step");
		s.allowOnly("id", "type", "text", "explain", "next", "skippable", "save", "question", "options", "min", "max",
				"none");
		String id = s.id("id");
		String typeName = s.string("type");
		StepType type;
		try {
			type = StepType.valueOf(typeName.toUpperCase());
		}
		catch (IllegalArgumentException e) {
			throw error(s.node("type"), "step " + id + " has type " + typeName + "; the types are info, consent, "
					+ "choice, number, text, answer and end");
		}
		String text = s.text("text");
		checkPlaceholders(s.node("text"), text);
		String explain = s.has("explain") ? s.text("explain") : null;
		if (explain != null) {
			checkPlaceholders(s.node("explain"), explain);
		}
		String next = s.has("next") ? s.id("next") : null;
		boolean skippable = s.has("skippable") ? s.bool("skippable") : type != StepType.CONSENT;
		String save = s.has("save") ? s.string("save") : null;
		if (save != null && !SAVE_FIELDS.contains(save)) {
			throw error(s.node("save"), "step " + id + " saves to " + save + ", which is not one of " + SAVE_FIELDS);
		}
		String question = s.has("question") ? s.string("question") : null;
		if (question != null && !QUESTIONS.contains(question)) {
			throw error(s.node("question"), "step " + id + " has question " + question
					+ "; engagement questions are Q1 to Q6, and OTHER for anything else");
		}
		List<Step.Option> options = new ArrayList<>();
		if (type == StepType.CHOICE) {
			if (save == null && question == null) {
				throw error(node, "choice step " + id + " needs save or question, to say where the answer goes");
			}
			Set<String> seen = new HashSet<>();
			for (Node o : s.list("options")) {
				if (!(o instanceof MappingNode om)) {
					throw error(o, "each option of step " + id + " must have value and words");
				}
				Obj option = new Obj(om, "an option");
				option.allowOnly("value", "label", "words", "next");
				List<String> optionWords = option.words("words");
				for (String w : optionWords) {
					if (!seen.add(w)) {
						throw error(option.node("words"), "step " + id + " lists the word " + w + " for two options");
					}
					if (commandWords.containsKey(w)) {
						throw error(option.node("words"), "step " + id + " uses " + w + ", which is already the "
								+ commandWords.get(w) + " command");
					}
				}
				options.add(new Step.Option(option.id("value"), option.text("label"), optionWords,
						option.has("next") ? option.id("next") : null));
			}
			if (options.size() < 2) {
				throw error(node, "choice step " + id + " needs at least two options");
			}
		}
		else if (s.has("options")) {
			throw error(s.node("options"), "only choice steps have options; step " + id + " is " + typeName);
		}
		if (type == StepType.ANSWER && question == null) {
			throw error(node, "answer step " + id + " needs a question (Q1 to Q6 or OTHER)");
		}
		if ((type == StepType.NUMBER || type == StepType.TEXT) && save == null) {
			throw error(node, typeName + " step " + id + " needs save, to say where the answer is kept");
		}
		Integer min = s.has("min") ? s.integer("min") : null;
		Integer max = s.has("max") ? s.integer("max") : null;
		if (type == StepType.NUMBER && (min == null || max == null || min > max)) {
			throw error(node, "number step " + id + " needs min and max, with min no more than max");
		}
		List<String> none = s.has("none") ? s.words("none") : List.of();
		return new Step(id, type, text, explain, next, skippable, save, question, options, min, max, none, line(node));
	}

	private void checkFlow(List<Step> steps, Map<String, Node> nodes) {
		Step first = steps.stream().filter(Step::asksSomething).findFirst().orElse(null);
		if (first == null || first.type() != StepType.CONSENT) {
			throw error(nodes.get(steps.get(0).id()), "the first step that asks something must be the consent step, "
					+ "so no answer is kept before the person agrees");
		}
		if (steps.stream().filter(s -> s.type() == StepType.CONSENT).count() > 1) {
			throw error(nodes.get(steps.get(0).id()), "a script has one consent step");
		}
		if (steps.stream().noneMatch(s -> s.type() == StepType.END)) {
			throw error(nodes.get(steps.get(steps.size() - 1).id()), "the script needs an end step");
		}
		Step last = steps.get(steps.size() - 1);
		if (last.type() != StepType.END && last.next() == null) {
			throw error(nodes.get(last.id()), "the last step must be an end step or say where to go next");
		}
		Set<String> ids = new HashSet<>();
		steps.forEach(s -> ids.add(s.id()));
		for (Step step : steps) {
			if (step.next() != null && !ids.contains(step.next())) {
				throw error(nodes.get(step.id()), "step " + step.id() + " goes next to " + step.next()
						+ ", which is not a step in this script");
			}
			for (Step.Option option : step.options()) {
				if (option.next() != null && !ids.contains(option.next())) {
					throw error(nodes.get(step.id()), "an option of step " + step.id() + " goes next to "
							+ option.next() + ", which is not a step in this script");
				}
			}
		}
	}

	private void checkPlaceholders(Node node, String text) {
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			if (!PLACEHOLDERS.contains(m.group(1))) {
				throw error(node, "{" + m.group(1) + "} is not a placeholder the engine fills in; use one of "
						+ PLACEHOLDERS);
			}
		}
	}

	private static String sha256(String content) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int line(Node node) {
		return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
	}

	private ScriptException error(Node node, String reason) {
		return new ScriptException(file, node == null ? 0 : line(node), reason);
	}

	/** A YAML mapping, read with line-accurate errors. */
	private final class Obj {

		private final MappingNode node;

		private final String what;

		private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

		Obj(MappingNode node, String what) {
			this.node = node;
			this.what = what;
			for (NodeTuple tuple : node.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
					throw error(tuple.getKeyNode(), "keys must be plain words");
				}
				if (entries.put(key.getValue(), tuple) != null) {
					throw error(key, key.getValue() + " appears twice in " + what);
				}
			}
		}

		void allowOnly(String... keys) {
			Set<String> allowed = Set.of(keys);
			for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
				if (!allowed.contains(e.getKey())) {
					throw error(e.getValue().getKeyNode(), e.getKey() + " is not something " + what
							+ " can have; it can have " + String.join(", ", keys));
				}
			}
		}

		boolean has(String key) {
			return entries.containsKey(key);
		}

		Node node(String key) {
			NodeTuple tuple = entries.get(key);
			return tuple == null ? node : tuple.getValueNode();
		}

		private Node required(String key) {
			NodeTuple tuple = entries.get(key);
			if (tuple == null) {
				throw error(node, what + " needs " + key);
			}
			return tuple.getValueNode();
		}

		String string(String key) {
			Node value = required(key);
			if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
				throw error(value, key + " must be a non-empty value");
			}
			return scalar.getValue().trim();
		}

		String optionalString(String key, String otherwise) {
			return has(key) ? string(key) : otherwise;
		}

		String id(String key) {
			String value = string(key);
			Pattern pattern = "script".equals(key) ? SCRIPT_NAME : ID;
			if (!pattern.matcher(value).matches()) {
				throw error(node(key), key + " " + value + " must use lower-case letters, digits and _ only");
			}
			return value;
		}

		/** Participant-facing text: folded lines are joined, and it must not be empty. */
		String text(String key) {
			String value = string(key);
			return value.replaceAll("[ \\t]*\\n[ \\t]*", "\n").strip();
		}

		boolean bool(String key) {
			String value = string(key);
			if (!value.equals("true") && !value.equals("false")) {
				throw error(node(key), key + " must be true or false");
			}
			return Boolean.parseBoolean(value);
		}

		Integer integer(String key) {
			String value = string(key);
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException e) {
				throw error(node(key), key + " must be a whole number");
			}
		}

		Obj obj(String key) {
			Node value = required(key);
			if (!(value instanceof MappingNode mapping)) {
				throw error(value, key + " must be a mapping");
			}
			return new Obj(mapping, key);
		}

		List<Node> list(String key) {
			Node value = required(key);
			if (!(value instanceof SequenceNode sequence)) {
				throw error(value, key + " must be a list");
			}
			return sequence.getValue();
		}

		/** A list of words people may type, normalised the way input is. */
		List<String> words(String key) {
			List<String> out = new ArrayList<>();
			for (Node item : list(key)) {
				if (!(item instanceof ScalarNode scalar) || Words.normalise(scalar.getValue()).isEmpty()) {
					throw error(item, key + " must list words people can type");
				}
				out.add(Words.normalise(scalar.getValue()));
			}
			if (out.isEmpty()) {
				throw error(node(key), key + " must list at least one word");
			}
			return List.copyOf(out);
		}
	}
}
