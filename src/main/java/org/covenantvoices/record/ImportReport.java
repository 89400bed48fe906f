package org.covenantvoices.record;

/**
 * What an import did.
 *
 * @param importId null for a dry run
 * @param rows data rows read from the file
 * @param added new contributions
 * @param updated rows whose external id was imported before with different content: kept as a new version
 * @param unchanged rows already in the record (same external id and content, or the same content)
 */
public record ImportReport(Long importId, int rows, int added, int updated, int unchanged, boolean dryRun) {
}
