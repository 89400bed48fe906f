package org.covenantvoices.conversation.internal;

import java.util.List;
import java.util.Optional;

/**
 * One step of a conversation script.
 *
 * @param save the profile field a CHOICE, NUMBER or TEXT answer is kept in (answering_as, group_size, ...)
 * @param question the engagement question (Q1-Q6, OTHER) an answer or choice goes to in the record
 * @param noneWords for ANSWER steps: words that mean "nothing to add", taken as SKIP
 * @param line where the step starts in its file
 */
record Step(String id, StepType type, String text, String explain, String next, boolean skippable, String save,
		String question, List<Option> options, Integer min, Integer max, List<String> noneWords, int line) {

	Optional<Option> match(String normalisedInput) {
		if (normalisedInput.isEmpty()) {
			return Optional.empty();
		}
		for (Option option : options) {
			if (option.words().contains(normalisedInput)) {
				return Optional.of(option);
			}
		}
		// "2 people" or "1." still pick the numbered option.
		String first = normalisedInput.split(" ", 2)[0];
		if (first.chars().allMatch(Character::isDigit)) {
			for (Option option : options) {
				if (option.words().contains(first)) {
					return Optional.of(option);
				}
			}
		}
		return Optional.empty();
	}

	boolean asksSomething() {
		return type != StepType.INFO && type != StepType.END;
	}

	/**
	 * @param label what a button shows
	 * @param words what people may type; the first is what a button press sends
	 * @param next where this option leads, or null for the step's own next
	 */
	record Option(String value, String label, List<String> words, String next) {
	}
}
