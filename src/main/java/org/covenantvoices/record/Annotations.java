package org.covenantvoices.record;

import java.util.List;

/**
 * Principles, themes and sentiment on contributions, kept apart from the answers (after i.AI Consult). Kinds:
 * {@code principle} (recognition, partnership, participation, transparency), {@code theme} (any short label) and
 * {@code sentiment} (agreement, disagreement, unclear).
 */
public interface Annotations {

	/** A model's label, for example from the understanding module. */
	Annotation assignByModel(long contributionId, String kind, String value, String model, String modelVersion);

	/** A label an organiser or analyst adds by hand. */
	Annotation assignByOrganiser(long contributionId, String kind, String value, String organiser);

	/** A person agrees with the current label. */
	Annotation confirm(long annotationId, String organiser);

	/** A person replaces the current label's value. */
	Annotation correct(long annotationId, String value, String organiser);

	/** A person says the label does not apply. */
	Annotation remove(long annotationId, String organiser);

	/** The labels in force on a contribution. */
	List<Annotation> current(long contributionId);

	/** Every label the contribution ever had, oldest first. */
	List<Annotation> history(long contributionId);
}
