package org.covenantvoices.channel.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled unset: on in local mode (embedded database), off otherwise */
@ConfigurationProperties("covenant.simulator")
record SimulatorProperties(Boolean enabled) {
}
