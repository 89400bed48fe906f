/**
 * Pseudonymous participants: who they are to us (a random id and a keyed hash of their address), their language,
 * opt-out state, consent records, and erasure. Contact addresses are encrypted and kept apart from the record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participants")
package org.covenantvoices.participant;
