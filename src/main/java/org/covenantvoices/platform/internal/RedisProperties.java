package org.covenantvoices.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("covenant.redis")
record RedisProperties(String url, @DefaultValue("cv") String namespace) {

	boolean external() {
		return url != null && !url.isBlank();
	}
}
