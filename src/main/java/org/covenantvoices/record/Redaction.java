package org.covenantvoices.record;

/**
 * Takes the contact details people most often put in free text (links, e-mail addresses, phone numbers, postcodes)
 * out of an answer, the same way exports and erasure do, so that organisers read answers as analysts receive them.
 */
public interface Redaction {

	/** The text with contact details replaced; null stays null. */
	String redact(String text);
}
