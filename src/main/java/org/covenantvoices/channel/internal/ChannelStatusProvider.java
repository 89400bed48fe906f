package org.covenantvoices.channel.internal;

import org.covenantvoices.channel.ChannelStatus;

/** Implemented by each channel's sub-package, so that the dashboard shows how it stands. */
public interface ChannelStatusProvider {

	ChannelStatus status();
}
