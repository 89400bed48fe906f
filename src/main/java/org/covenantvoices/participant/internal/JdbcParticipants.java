package org.covenantvoices.participant.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.participant.Consent;
import org.covenantvoices.participant.Participant;
import org.covenantvoices.participant.ParticipantErased;
import org.covenantvoices.participant.ParticipantStatus;
import org.covenantvoices.participant.Participants;
import org.covenantvoices.platform.Deployment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcParticipants implements Participants {

	private static final String COLUMNS = "id, channel, language, status, updates_opt_in, created_at";

	private final JdbcClient jdbc;

	private final AddressProtector protector;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	JdbcParticipants(JdbcClient jdbc, ApplicationEventPublisher events, AuditLog audit, Deployment deployment,
			@Value("${covenant.privacy.key:}") String privacyKey) {
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
		this.protector = new AddressProtector(PrivacyKeys.load(privacyKey, deployment));
	}

	@Override
	@Transactional
	public Participant identify(String channel, String address) {
		byte[] hash = protector.hash(channel, address);
		Optional<Participant> existing = byHash(hash);
		if (existing.isPresent()) {
			return existing.get();
		}
		String id = ParticipantIds.next();
		int inserted = jdbc.sql("INSERT INTO participants (id, address_hash, channel) VALUES (?, ?, ?) "
				+ "ON CONFLICT (address_hash) DO NOTHING")
			.params(id, hash, channel)
			.update();
		if (inserted == 0) {
			// Another message from the same new person won the race.
			return byHash(hash).orElseThrow();
		}
		jdbc.sql("INSERT INTO contact_addresses (participant_id, channel, ciphertext, key_id) VALUES (?, ?, ?, ?)")
			.params(id, channel, protector.encrypt(id, address), protector.keyId())
			.update();
		return find(id).orElseThrow();
	}

	private Optional<Participant> byHash(byte[] hash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM participants WHERE address_hash = ?")
			.param(hash)
			.query(JdbcParticipants::map)
			.optional();
	}

	@Override
	public Optional<Participant> find(String participantId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM participants WHERE id = ?")
			.param(participantId)
			.query(JdbcParticipants::map)
			.optional();
	}

	@Override
	public boolean lockUnlessErased(String participantId) {
		return jdbc.sql("SELECT status FROM participants WHERE id = ? FOR SHARE")
			.param(participantId)
			.query(String.class)
			.optional()
			.filter(status -> !"erased".equals(status))
			.isPresent();
	}

	@Override
	public void chooseLanguage(String participantId, String language) {
		jdbc.sql("UPDATE participants SET language = ?, updated_at = now() WHERE id = ? AND status <> 'erased'")
			.params(language, participantId)
			.update();
	}

	@Override
	public void stop(String participantId) {
		jdbc.sql("UPDATE participants SET status = 'stopped', stopped_at = now(), updated_at = now() "
				+ "WHERE id = ? AND status = 'active'")
			.param(participantId)
			.update();
	}

	@Override
	public void restart(String participantId) {
		jdbc.sql("UPDATE participants SET status = 'active', stopped_at = NULL, updated_at = now() "
				+ "WHERE id = ? AND status = 'stopped'")
			.param(participantId)
			.update();
	}

	@Override
	public void recordConsent(Consent consent) {
		jdbc.sql("INSERT INTO consent_records (participant_id, purpose, decision, channel, language, script_version, "
				+ "wording) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(consent.participantId(), consent.purpose().name().toLowerCase(),
					consent.decision().name().toLowerCase(), consent.channel(), consent.language(),
					consent.scriptVersion(), consent.wording())
			.update();
	}

	@Override
	public void setUpdatesOptIn(String participantId, boolean optIn) {
		jdbc.sql("UPDATE participants SET updates_opt_in = ?, updated_at = now() WHERE id = ? AND status <> 'erased'")
			.params(optIn, participantId)
			.update();
	}

	@Override
	@Transactional
	public boolean erase(String participantId, String requestedBy) {
		int updated = jdbc.sql("UPDATE participants SET status = 'erased', address_hash = NULL, language = NULL, "
				+ "updates_opt_in = false, erased_at = now(), updated_at = now() WHERE id = ? AND status <> 'erased'")
			.param(participantId)
			.update();
		if (updated == 0) {
			return false;
		}
		events.publishEvent(new ParticipantErased(participantId));
		audit.record(requestedBy, "participant.erased", participantId,
				Map.of("requestedBy", "participant".equals(requestedBy) ? "participant (FORGET)" : "admin"));
		return true;
	}

	@Override
	@Transactional
	public boolean eraseNow(String participantId, String requestedBy) {
		boolean erased = erase(participantId, requestedBy);
		jdbc.sql("DELETE FROM contact_addresses WHERE participant_id = ?").param(participantId).update();
		return erased;
	}

	@Override
	public Optional<String> findByAddress(String channel, String address) {
		for (String form : AddressForms.of(channel, address)) {
			Optional<String> id = jdbc.sql("SELECT id FROM participants WHERE address_hash = ?")
				.param(protector.hash(channel, form))
				.query(String.class)
				.optional();
			if (id.isPresent()) {
				return id;
			}
		}
		return Optional.empty();
	}

	@Override
	public void completeErasure(String participantId) {
		jdbc.sql("DELETE FROM contact_addresses c USING participants p "
				+ "WHERE c.participant_id = p.id AND p.id = ? AND p.status = 'erased'")
			.param(participantId)
			.update();
	}

	@Override
	public String addressKey(String channel, String address) {
		// A different purpose from the register's hash, so the two never match each other.
		return java.util.HexFormat.of().formatHex(protector.hash("key:" + channel, address), 0, 16);
	}

	@Override
	public Map<String, String> contactAddresses(Collection<String> participantIds) {
		if (participantIds.isEmpty()) {
			return Map.of();
		}
		Map<String, String> addresses = new HashMap<>();
		jdbc.sql("SELECT participant_id, ciphertext FROM contact_addresses WHERE participant_id = ANY (?)")
			.param(participantIds.stream().distinct().toArray(String[]::new))
			.query(rs -> {
				String id = rs.getString(1);
				addresses.put(id, protector.decrypt(id, rs.getBytes(2)));
			});
		return addresses;
	}

	private static Participant map(ResultSet rs, int row) throws SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new Participant(rs.getString("id"), rs.getString("channel"), rs.getString("language"),
				ParticipantStatus.fromDb(rs.getString("status")), rs.getBoolean("updates_opt_in"),
				created.toInstant());
	}
}
