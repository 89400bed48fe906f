package org.covenantvoices.record;

/**
 * @param fileName the uploaded file's name, for the import's history; may be null
 * @param source the source of rows that have no {@code source} column: roundtable_note, event_minutes,
 * online_form or other; may be null where every row has one
 * @param dryRun check the file and report what would happen, but keep nothing
 */
public record ImportOptions(String fileName, Source source, boolean dryRun) {
}
