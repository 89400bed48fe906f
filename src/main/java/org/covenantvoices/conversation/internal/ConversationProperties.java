package org.covenantvoices.conversation.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param scripts a folder of conversation scripts; unset: {@code ./conversations} where it exists, else the copy
 * packaged in the jar
 * @param sessionExpiry after this long without a message, a conversation starts again from the beginning
 * @param welcomeBackAfter after this long, a reply that does not fit the question gets "welcome back" and a reminder
 * of where the person was
 * @param lockWait how long a message waits for the one before it from the same person
 * @param recoverAfter unprocessed messages older than this are picked up by the recovery sweep
 */
@ConfigurationProperties("covenant.conversation")
record ConversationProperties(String scripts, @DefaultValue("en") String defaultLanguage,
		@DefaultValue("60d") Duration sessionExpiry, @DefaultValue("8h") Duration welcomeBackAfter,
		@DefaultValue("10s") Duration lockWait, @DefaultValue("30s") Duration recoverAfter) {
}
