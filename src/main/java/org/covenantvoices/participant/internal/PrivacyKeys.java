package org.covenantvoices.participant.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.covenantvoices.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret behind address hashes and contact encryption. From {@code PRIVACY_KEY} in production; in local mode a
 * key is generated once and kept under the data directory so that hashes stay stable across restarts.
 */
final class PrivacyKeys {

	private static final Logger log = LoggerFactory.getLogger(PrivacyKeys.class);

	private final byte[] hashKey;

	private final byte[] encryptionKey;

	private final String keyId;

	private PrivacyKeys(byte[] master) {
		this.hashKey = derive(master, "covenant-voices/address-hash");
		this.encryptionKey = derive(master, "covenant-voices/contact-encryption");
		this.keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(derive(master, "key-id")).substring(0, 8);
	}

	static PrivacyKeys load(String configured, Deployment deployment) {
		if (configured != null && !configured.isBlank()) {
			if (configured.length() < 32) {
				throw new IllegalStateException("PRIVACY_KEY must be at least 32 characters long (for example, "
						+ "the output of `openssl rand -base64 32`).");
			}
			return new PrivacyKeys(configured.getBytes(StandardCharsets.UTF_8));
		}
		if (!deployment.localMode()) {
			throw new IllegalStateException("PRIVACY_KEY is not set. It is required when DATABASE_URL is set, and must "
					+ "be the same on every instance (for example, the output of `openssl rand -base64 32`).");
		}
		return new PrivacyKeys(localKey(deployment.dataDir().resolve("privacy.key")));
	}

	private static byte[] localKey(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String key = Base64.getEncoder().encodeToString(random);
			Files.writeString(file, key + "\n");
			try {
				Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException e) {
				// not a POSIX file system; the data directory's own permissions apply
			}
			log.info("Generated a local privacy key in {}", file);
			return key.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read or create the local privacy key " + file, e);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	byte[] hashKey() {
		return hashKey;
	}

	byte[] encryptionKey() {
		return encryptionKey;
	}

	String keyId() {
		return keyId;
	}
}
