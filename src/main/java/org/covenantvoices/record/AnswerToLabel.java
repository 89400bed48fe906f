package org.covenantvoices.record;

/** A current answer waiting to be labelled by a model. */
public record AnswerToLabel(long contributionId, String questionId, String choice, String text, String language) {
}
