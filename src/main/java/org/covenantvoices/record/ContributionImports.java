package org.covenantvoices.record;

import java.io.InputStream;

/**
 * Imports event notes and online-form responses from CSV into the record. A file goes in whole or not at all, and
 * importing the same rows again adds nothing.
 */
public interface ContributionImports {

	/**
	 * @throws ImportRejected where any row is wrong; it names every bad line, column and reason, and nothing is kept
	 */
	ImportReport importCsv(InputStream csv, ImportOptions options, String by);
}
