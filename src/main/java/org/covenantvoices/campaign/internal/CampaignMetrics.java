package org.covenantvoices.campaign.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.covenantvoices.campaign.CampaignResults;
import org.covenantvoices.campaign.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges of each recent campaign's results ({@code covenant_campaign_messages{campaign, state}}): sent,
 * delivered, failed, skipped, pending and targeted. Refreshed from the database, so every instance reports the same.
 */
@Component
class CampaignMetrics {

	private static final Logger log = LoggerFactory.getLogger(CampaignMetrics.class);

	private static final List<String> STATES = List.of("targeted", "pending", "sent", "delivered", "failed",
			"skipped");

	private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final MeterRegistry meters;

	CampaignMetrics(JdbcClient jdbc, Campaigns campaigns, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.meters = meters;
	}

	@Scheduled(initialDelayString = "${covenant.campaigns.metrics-interval:15s}",
			fixedDelayString = "${covenant.campaigns.metrics-interval:15s}")
	void refresh() {
		try {
			List<Long> recent = jdbc.sql("SELECT id FROM campaigns WHERE status IN ('scheduled', 'running', 'paused') "
					+ "OR finished_at > now() - interval '7 days' ORDER BY id DESC LIMIT 50")
				.query(Long.class)
				.list();
			for (long id : recent) {
				CampaignResults r = campaigns.results(id);
				set(id, "targeted", r.targeted());
				set(id, "pending", r.pending());
				set(id, "sent", r.sent());
				set(id, "delivered", r.delivered());
				set(id, "failed", r.failed());
				set(id, "skipped", r.skipped());
			}
		}
		catch (RuntimeException e) {
			log.debug("Campaign metrics not refreshed: {}", e.toString());
		}
	}

	private void set(long campaign, String state, long value) {
		values.computeIfAbsent(campaign + "/" + state, key -> {
			AtomicLong holder = new AtomicLong();
			Gauge.builder("covenant.campaign.messages", holder, AtomicLong::get)
				.description("Campaign recipients by what became of their message")
				.tag("campaign", Long.toString(campaign))
				.tag("state", state)
				.register(meters);
			return holder;
		}).set(value);
	}

	static List<String> states() {
		return STATES;
	}
}
