package org.covenantvoices.campaign.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendFrom start of the daily sending window (quiet hours are outside it)
 * @param sendUntil end of the daily sending window
 * @param capInterval nobody is reached by any campaign more often than this
 * @param capTotal nor more often than this in all
 * @param tick how often each instance feeds running campaigns into the outbox
 * @param batch most recipients claimed at once
 * @param lookahead reminders kept waiting in the outbox per channel, in seconds of the channel's rate: enough to
 * keep the channel busy, few enough that a pause or the end of the window takes effect at once
 * @param introduction per language: what a first message to an invited number starts with (who we are, how to stop)
 */
@ConfigurationProperties("covenant.campaigns")
record CampaignProperties(@DefaultValue("09:00") LocalTime sendFrom, @DefaultValue("20:00") LocalTime sendUntil,
		@DefaultValue("Europe/London") ZoneId zone, @DefaultValue("72h") Duration capInterval,
		@DefaultValue("3") int capTotal, @DefaultValue("250ms") Duration tick, @DefaultValue("200") int batch,
		@DefaultValue("3s") Duration lookahead, Map<String, String> introduction) {

	CampaignProperties {
		introduction = introduction == null ? Map.of() : Map.copyOf(introduction);
	}
}
