package org.covenantvoices.understanding;

/**
 * The chat model as the console shows it.
 *
 * @param circuit closed, open, half_open, or none where no model is configured
 */
public record ModelStatus(boolean configured, String model, String circuit, boolean embeddingsReady) {
}
