package org.covenantvoices.channel.courier;

import org.covenantvoices.channel.SendingRates;
import org.springframework.stereotype.Component;

/** The rates the dispatcher sends at ({@code covenant.channels.rates.*}), for other modules to read. */
@Component
class ConfiguredSendingRates implements SendingRates {

	private final CourierProperties properties;

	ConfiguredSendingRates(CourierProperties properties) {
		this.properties = properties;
	}

	@Override
	public double perSecond(String channel) {
		return properties.rate(channel);
	}
}
