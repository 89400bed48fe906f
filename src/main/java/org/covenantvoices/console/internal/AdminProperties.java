package org.covenantvoices.console.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("covenant.admin")
record AdminProperties(@DefaultValue("admin") String username, String password) {
}
