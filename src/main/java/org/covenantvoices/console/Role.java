package org.covenantvoices.console;

/** What an organiser may do in the console and the API. */
public enum Role {

	/** Everything, including managing users. */
	ADMIN,
	/** Runs events, imports and campaigns; reads the record. */
	ORGANISER,
	/** Reads and exports the record. */
	ANALYST
}
