package org.covenantvoices.understanding;

/**
 * What a message seems to be, decided on the reply path without a chat model.
 *
 * @param safeguarding the kind of disclosure (self_harm, abuse, danger, crisis), or null for none
 */
public record Assessment(boolean confused, boolean vague, String safeguarding, boolean abusive, boolean injection) {

	public static final Assessment PLAIN = new Assessment(false, false, null, false, false);

	public boolean needsSignposting() {
		return safeguarding != null;
	}
}
