package org.covenantvoices.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("covenant.database")
record DatabaseProperties(String url, String username, String password) {

	boolean external() {
		return url != null && !url.isBlank();
	}
}
