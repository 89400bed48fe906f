/**
 * The consultation record: every contribution from every source (bot conversations now; event notes and online
 * responses through imports), with its provenance, kept as append-only versions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation record")
package org.covenantvoices.record;
