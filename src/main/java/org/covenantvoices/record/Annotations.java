package org.covenantvoices.record;

import java.util.List;

/**
 * Principles, themes and sentiment on contributions, kept apart from the answers (after i.AI Consult). Kinds:
 * {@code principle} (recognition, partnership, participation, transparency), {@code theme} (any short label),
 * {@code sentiment} (agreement, disagreement, mixed, unclear: for question 1, whether the four principles are right)
 * and {@code evidence} (yes or no: whether the answer gives an example or facts).
 */
public interface Annotations {

	/** A model's label, for example from the understanding module. */
	Annotation assignByModel(long contributionId, String kind, String value, String model, String modelVersion);

	/**
	 * A model's labels of one kind for every answer to a question, replacing that model's earlier labels of that kind
	 * there (any version): each new label supersedes the earlier one on the same answer, and earlier labels on answers
	 * not in {@code values} are withdrawn. Labels people assigned, confirmed or corrected stay as they are. Used by
	 * theme analysis, whose rerun must not pile up labels.
	 *
	 * @param values the new label per contribution id; ids that are not answers to the question are ignored
	 * @return how many labels were written
	 */
	int replaceByModel(QuestionId question, String kind, String model, String modelVersion,
			java.util.Map<Long, String> values);

	/** A label an organiser or analyst adds by hand. */
	Annotation assignByOrganiser(long contributionId, String kind, String value, String organiser);

	/** A person agrees with the current label. */
	Annotation confirm(long annotationId, String organiser);

	/** A person replaces the current label's value. */
	Annotation correct(long annotationId, String value, String organiser);

	/** A person says the label does not apply. */
	Annotation remove(long annotationId, String organiser);

	/**
	 * Current answers with text that this model and version has not labelled yet, oldest first: the labelling queue.
	 * A model writes at least one label for every answer it reads, so an answer leaves the queue once labelled.
	 */
	List<AnswerToLabel> unlabelled(String model, String modelVersion, int limit);

	/** The labels in force on a contribution. */
	List<Annotation> current(long contributionId);

	/** The values of one kind of label in force anywhere in the record, in alphabetical order: for filters. */
	List<String> valuesInUse(String kind);

	/** Every label the contribution ever had, oldest first. */
	List<Annotation> history(long contributionId);
}
