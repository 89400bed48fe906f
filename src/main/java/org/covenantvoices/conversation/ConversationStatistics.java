package org.covenantvoices.conversation;

import java.time.Instant;
import java.util.List;

/** How far people get through the conversation, and how busy it is, for the organisers' dashboard. */
public interface ConversationStatistics {

	/**
	 * The completion funnel over every conversation kept: how many people started, agreed to take part, reached each
	 * engagement question in script order, and finished. People who asked to be forgotten are no longer counted.
	 */
	List<FunnelStage> funnel();

	ConversationActivity activitySince(Instant since);
}
