package org.covenantvoices.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * The record in the formats analysts' tools read. Every export streams from the database (memory does not grow with
 * the number of rows), carries no phone number, chat id or name, uses the pseudonymous participant ids, and runs
 * free text through the same deterministic redaction.
 */
public interface RecordExports {

	/** One row per contribution, columns named as the JSON fields, plus the current annotations. */
	void csv(ContributionFilter filter, Writer out) throws IOException;

	/** One JSON object per line per contribution, with its annotations. */
	void jsonLines(ContributionFilter filter, OutputStream out) throws IOException;

	/** The i.AI Consult / ThemeFinder input layout, as a ZIP. Current answers only. */
	void consultZip(ContributionFilter filter, OutputStream out) throws IOException;

	/** A FLOIP Flow Results package (datapackage.json and responses.csv), as a ZIP. Current answers only. */
	void flowResultsZip(ContributionFilter filter, OutputStream out) throws IOException;

	/** Counts by question, source, nation and event. */
	List<SummaryRow> summary(ContributionFilter filter);

	void summaryCsv(ContributionFilter filter, Writer out) throws IOException;
}
