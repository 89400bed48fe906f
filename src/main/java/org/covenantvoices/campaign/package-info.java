/**
 * Reminder campaigns: audiences, per-language messages, schedule, quiet hours, spreading, rate-limited dispatch
 * through the outbox across instances (each recipient exactly once), and results.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package org.covenantvoices.campaign;
