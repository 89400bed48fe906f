package org.covenantvoices.conversation.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded, validated conversation script in one language. Immutable: a session keeps using the version it started
 * on even after the file changes.
 */
final class ConversationScript {

	/** Texts the engine sends outside the steps. Every script must define them all. */
	static final Set<String> MESSAGE_KEYS = Set.of("help", "stopped", "restarted", "welcome_back",
			"welcome_back_about", "not_understood", "not_a_number", "cannot_skip", "no_explain", "no_back",
			"forget_confirm", "forgotten", "forget_cancelled", "declined", "finished", "empty", "probe",
			"safeguarding", "support_resume", "kind_reminder", "joined", "join_closed");

	private final String script;

	private final String language;

	private final String languageName;

	private final String version;

	private final String sha256;

	private final String source;

	private final String content;

	private final Map<Command, List<String>> commands;

	private final List<String> yesWords;

	private final List<String> noWords;

	private final Map<String, String> messages;

	private final List<Step> steps;

	private final Map<String, Step> byId = new LinkedHashMap<>();

	private final Map<String, Integer> questionNumbers = new LinkedHashMap<>();

	ConversationScript(String script, String language, String languageName, String version, String sha256,
			String source, String content, Map<Command, List<String>> commands, List<String> yesWords,
			List<String> noWords, Map<String, String> messages, List<Step> steps) {
		this.script = script;
		this.language = language;
		this.languageName = languageName;
		this.version = version;
		this.sha256 = sha256;
		this.source = source;
		this.content = content;
		this.commands = new EnumMap<>(commands);
		this.yesWords = List.copyOf(yesWords);
		this.noWords = List.copyOf(noWords);
		this.messages = Map.copyOf(messages);
		this.steps = List.copyOf(steps);
		for (Step step : steps) {
			byId.put(step.id(), step);
			String q = step.question();
			if (q != null && q.matches("Q[1-6]") && !questionNumbers.containsKey(q)) {
				questionNumbers.put(q, questionNumbers.size() + 1);
			}
		}
	}

	String script() {
		return script;
	}

	String language() {
		return language;
	}

	String languageName() {
		return languageName;
	}

	String version() {
		return version;
	}

	String sha256() {
		return sha256;
	}

	String source() {
		return source;
	}

	String content() {
		return content;
	}

	List<Step> steps() {
		return steps;
	}

	Step first() {
		return steps.get(0);
	}

	Optional<Step> step(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** The step after this one: its own {@code next}, or the one below it in the file. */
	Step next(Step step) {
		if (step.next() != null) {
			return byId.get(step.next());
		}
		int index = steps.indexOf(step);
		return index + 1 < steps.size() ? steps.get(index + 1) : step;
	}

	List<String> words(Command command) {
		return commands.getOrDefault(command, List.of());
	}

	boolean isYes(String normalised) {
		return yesWords.contains(normalised);
	}

	/** The first yes word: what a Yes button sends. */
	String yesWord() {
		return yesWords.get(0);
	}

	String noWord() {
		return noWords.get(0);
	}

	boolean isNo(String normalised) {
		return noWords.contains(normalised);
	}

	String message(String key) {
		return messages.get(key);
	}

	Map<String, String> messages() {
		return messages;
	}

	int totalQuestions() {
		return questionNumbers.size();
	}

	/** The number of the engagement question this step is on, or the next one ahead of it; 0 before any. */
	int questionNumber(Step step) {
		if (step.question() != null && questionNumbers.containsKey(step.question())) {
			return questionNumbers.get(step.question());
		}
		if (step.question() != null) {
			return totalQuestions(); // OTHER comes after the numbered questions
		}
		int index = steps.indexOf(step);
		boolean beforeAnyQuestion = steps.subList(0, Math.max(index, 0))
			.stream()
			.noneMatch(s -> s.question() != null);
		return beforeAnyQuestion ? 0 : totalQuestions();
	}
}
