package org.covenantvoices.participant;

/**
 * Changes to the participant register over a period.
 *
 * @param joined people who got in touch for the first time
 * @param stopped people who said STOP (or whose provider stopped them) and have not said START since
 * @param erased people who asked to be forgotten
 */
public record ParticipantActivity(long joined, long stopped, long erased) {
}
