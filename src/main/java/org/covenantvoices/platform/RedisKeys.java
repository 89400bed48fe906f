package org.covenantvoices.platform;

/**
 * Builds Redis keys under one namespace. Each participant's keys share the hash tag {@code {p:ID}} so that
 * they land in one slot on Redis Cluster and can be used together in one script or transaction.
 */
public final class RedisKeys {

	private final String namespace;

	public RedisKeys(String namespace) {
		this.namespace = namespace;
	}

	public String namespace() {
		return namespace;
	}

	public String participant(String participantId, String suffix) {
		return namespace + ":{p:" + participantId + "}:" + suffix;
	}

	public String global(String... parts) {
		return namespace + ":" + String.join(":", parts);
	}
}
