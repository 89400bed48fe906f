package org.covenantvoices.record.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize the largest import file accepted
 */
@ConfigurationProperties("covenant.imports")
record ImportProperties(@DefaultValue("50MB") DataSize maxFileSize) {
}
