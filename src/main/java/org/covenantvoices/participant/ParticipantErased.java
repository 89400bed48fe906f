package org.covenantvoices.participant;

/**
 * Published inside the erasing transaction, so that every module holding data about the person removes it in the
 * same commit.
 */
public record ParticipantErased(String participantId) {
}
