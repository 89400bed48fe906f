package org.covenantvoices.record;

/**
 * What came into the record over a period.
 *
 * @param contributions answers and notes added, including new versions of changed answers
 * @param participants distinct participants who added one
 */
public record RecordActivity(long contributions, long participants) {
}
