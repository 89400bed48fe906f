package org.covenantvoices.participant.internal;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deleteContactsAfter the day after which every contact address is deleted (for example three months after
 * the consultation closes); null keeps them until each person asks
 * @param checkEvery how often the scheduled job looks
 */
@ConfigurationProperties("covenant.privacy")
record RetentionProperties(LocalDate deleteContactsAfter, @DefaultValue("1h") Duration checkEvery) {
}
