package org.covenantvoices.conversation;

/**
 * One stage of the completion funnel.
 *
 * @param stage {@value #STARTED}, {@value #CONSENTED}, a question id ({@code Q1}-{@code Q6}, {@code OTHER}) or
 * {@value #FINISHED}
 * @param people how many people got at least this far
 */
public record FunnelStage(String stage, long people) {

	public static final String STARTED = "started";

	public static final String CONSENTED = "consented";

	public static final String FINISHED = "finished";
}
