package org.covenantvoices.channel;

import java.util.List;

/** Every channel the service knows, set up or not, in a steady order. */
public interface ChannelStatuses {

	List<ChannelStatus> all();
}
