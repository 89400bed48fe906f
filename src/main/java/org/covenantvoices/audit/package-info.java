/**
 * The audit log: who did what, and when. Any module can append to it; nobody can change or remove an entry. Admins
 * read it through the console API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.covenantvoices.audit;
