/**
 * The conversation engine. It loads scripts from {@code conversations/*.yaml}, keeps each participant's session in
 * Redis (with a durable copy in PostgreSQL), handles the commands, and decides the next message. It knows no
 * channel: channels hand it {@link org.covenantvoices.conversation.InboundMessage}s and send what it queues.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package org.covenantvoices.conversation;
