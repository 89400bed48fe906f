package org.covenantvoices.conversation;

import java.util.List;

/**
 * A message queued for a participant.
 *
 * @param options the answers a channel may offer as buttons; empty for most messages
 */
public record Reply(long id, String text, List<ReplyOption> options) {
}
