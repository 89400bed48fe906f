package org.covenantvoices.channel.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.covenantvoices.channel.ChannelStatus;
import org.covenantvoices.channel.ChannelStatuses;
import org.springframework.stereotype.Component;

/**
 * The channels of the design, each as its provider reports it. A channel whose sub-package reports nothing is not set
 * up here, so organisers see the whole picture rather than only what happens to be running.
 */
@Component
class ChannelStatusBoard implements ChannelStatuses {

	private static final Map<String, String> KNOWN = new LinkedHashMap<>();

	static {
		KNOWN.put("sms", "SMS");
		KNOWN.put("whatsapp", "WhatsApp");
		KNOWN.put("telegram", "Telegram");
		KNOWN.put("simulator", "Simulator");
	}

	private final List<ChannelStatusProvider> providers;

	ChannelStatusBoard(List<ChannelStatusProvider> providers) {
		this.providers = providers;
	}

	@Override
	public List<ChannelStatus> all() {
		Map<String, ChannelStatus> byChannel = new LinkedHashMap<>();
		KNOWN.forEach((code, name) -> byChannel.put(code,
				new ChannelStatus(code, name, ChannelStatus.State.NOT_CONFIGURED, "Not set up on this service.")));
		for (ChannelStatusProvider provider : providers) {
			ChannelStatus status = provider.status();
			byChannel.put(status.channel(), status);
		}
		return new ArrayList<>(byChannel.values());
	}
}
