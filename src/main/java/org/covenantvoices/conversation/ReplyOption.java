package org.covenantvoices.conversation;

/**
 * An answer a channel may show as a button.
 *
 * @param label what the button says
 * @param text what pressing it sends, exactly as if typed
 */
public record ReplyOption(String label, String text) {
}
