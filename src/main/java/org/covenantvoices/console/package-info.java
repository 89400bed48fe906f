/**
 * The organisers' side: sign-in and roles, the console pages, and the REST API over the record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.covenantvoices.console;
