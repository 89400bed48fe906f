/**
 * Channels: one sub-package per way of reaching people. Each verifies what arrives, turns it into an
 * {@link org.covenantvoices.conversation.InboundMessage}, and sends what the conversation queues.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package org.covenantvoices.channel;
