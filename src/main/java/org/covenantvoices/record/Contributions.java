package org.covenantvoices.record;

import java.util.Optional;

/** The consultation record. Every method joins the caller's transaction where there is one. */
public interface Contributions {

	/**
	 * Adds an answer. Where the participant already has a current answer to the same question, that one is kept as a
	 * superseded version, never overwritten.
	 */
	Contribution add(NewContribution contribution);

	/** The participant's current answer to a question, if any. */
	Optional<Contribution> current(String participantId, QuestionId questionId);

	ContributionPage find(ContributionFilter filter, int page, int size);

	/** As {@link #find(ContributionFilter, int, int)}, keeping only contributions that carry every label given. */
	ContributionPage find(ContributionFilter filter, java.util.List<LabelFilter> labels, int page, int size);

	Optional<Contribution> find(long id);

	/**
	 * The contribution with its text through the same deterministic redaction as every export: for everyone who
	 * reads the record but may not see what people wrote word for word.
	 */
	Contribution redacted(Contribution contribution);

	/**
	 * Every current answer to a question that has words, oldest first, with its text redacted as in every export:
	 * bot answers and imported notes alike, for analysis across every source.
	 */
	java.util.List<Contribution> redactedAnswers(QuestionId questionId);

	/** Current answers with words, to any question, with ids above {@code afterId}, by id, redacted: a work queue. */
	java.util.List<Contribution> redactedAnswersAfter(long afterId, int limit);

	/** Names a model found in an answer, to take out wherever its text is redacted. */
	void addRedactionTerms(long contributionId, java.util.Collection<String> terms);
}
