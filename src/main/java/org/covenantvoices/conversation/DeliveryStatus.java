package org.covenantvoices.conversation;

import java.util.Optional;

/** What a provider reports about a message it took. Later states win; an earlier report arriving late is ignored. */
public enum DeliveryStatus {

	SENT(2), DELIVERED(3), UNDELIVERABLE(3), FAILED(3), READ(4);

	private final int rank;

	DeliveryStatus(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return rank;
	}

	public String dbValue() {
		return name().toLowerCase();
	}

	/** Twilio's MessageStatus words; queued, accepted and sending say nothing new once we hold the message's sid. */
	public static Optional<DeliveryStatus> fromTwilio(String status) {
		if (status == null) {
			return Optional.empty();
		}
		return switch (status.toLowerCase()) {
			case "sent" -> Optional.of(SENT);
			case "delivered" -> Optional.of(DELIVERED);
			case "read" -> Optional.of(READ);
			case "undelivered" -> Optional.of(UNDELIVERABLE);
			case "failed" -> Optional.of(FAILED);
			default -> Optional.empty();
		};
	}
}
