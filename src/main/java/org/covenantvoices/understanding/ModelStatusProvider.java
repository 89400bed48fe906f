package org.covenantvoices.understanding;

/** The current state of the models, for the dashboard and health. */
public interface ModelStatusProvider {

	ModelStatus status();
}
