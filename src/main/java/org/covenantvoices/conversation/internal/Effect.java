package org.covenantvoices.conversation.internal;

/** What a turn of the conversation changes outside the session, applied in one transaction. */
sealed interface Effect {

	record ConsentGiven(String wording) implements Effect {
	}

	record ConsentDeclined(String wording) implements Effect {
	}

	/** An answer for the record: a quick choice, words, or both. */
	record Answer(String questionId, String choice, String text, String stepId) implements Effect {
	}

	record UpdatesOptIn(boolean optIn, String wording) implements Effect {
	}

	record Stop() implements Effect {
	}

	record Restart() implements Effect {
	}

	record LanguageChosen(String language) implements Effect {
	}

	record Forget() implements Effect {
	}

	/** A possible disclosure of harm, kept for an organiser to review. */
	record Safeguarding(String text, String detector, String questionId) implements Effect {
	}
}
