package org.covenantvoices.campaign;

import java.util.Map;

/**
 * How a campaign went.
 *
 * @param pending not yet sent (for example waiting for the sending window)
 * @param failedReasons failed messages by reason
 * @param skippedReasons skipped recipients by reason: stopped, erased, cap, whatsapp-24h-window, cancelled...
 */
public record CampaignResults(long campaignId, CampaignStatus status, long targeted, long pending, long queued,
		long sent, long delivered, long failed, Map<String, Long> failedReasons, long skipped,
		Map<String, Long> skippedReasons, long optedOutAfter, long replied, long completedAfter,
		boolean waitingForSendingWindow) {
}
