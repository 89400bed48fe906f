package org.covenantvoices.record;

/**
 * How many current contributions answer one question from one source and nation, and how many people they speak for
 * (the sum of their {@code representedCount}: a group answer for 12 people counts 12).
 *
 * @param source the source's code, as in the record ({@code sms}, {@code roundtable_note}, ...)
 * @param nation england, scotland, wales, northern_ireland, uk, or null where not given
 */
public record RecordTally(QuestionId question, String source, String nation, long contributions,
		long peopleRepresented) {
}
