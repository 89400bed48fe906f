package org.covenantvoices.platform;

import java.nio.file.Path;

/**
 * How this instance is deployed.
 *
 * @param localMode true where no {@code DATABASE_URL} is set and the service runs its own embedded servers
 * @param dataDir where local data (embedded database, embedded Redis, generated secrets) lives
 */
public record Deployment(boolean localMode, Path dataDir) {
}
