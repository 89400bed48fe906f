/**
 * Plain language and the cost of a text message: reading ease, sentence length, jargon, and SMS segments. Shared by
 * the scripts' checks, generated texts, campaigns and the console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plain language")
package org.covenantvoices.plainlanguage;
