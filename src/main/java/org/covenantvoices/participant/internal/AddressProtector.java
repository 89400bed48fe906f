package org.covenantvoices.participant.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Keyed hashing (to find a participant) and authenticated encryption (to reply) of channel addresses. */
final class AddressProtector {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final PrivacyKeys keys;

	private final SecureRandom random = new SecureRandom();

	/** One per thread: looking a Mac up was most of the cost of a hash, and every inbound message needs two. */
	private final ThreadLocal<Mac> macs;

	/** Likewise, initialised afresh (with a new nonce) for each address sealed or opened. */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	});

	private final SecretKeySpec encryptionKey;

	AddressProtector(PrivacyKeys keys) {
		this.keys = keys;
		this.encryptionKey = new SecretKeySpec(keys.encryptionKey(), "AES");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(keys.hashKey(), "HmacSHA256"));
				return mac;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	byte[] hash(String channel, String address) {
		return macs.get().doFinal((channel + ":" + address).getBytes(StandardCharsets.UTF_8));
	}

	byte[] encrypt(String participantId, String address) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			// Binding the ciphertext to the participant stops a row being copied onto another participant.
			cipher.updateAAD(participantId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(address.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	String decrypt(String participantId, byte[] ciphertext) {
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
			cipher.updateAAD(participantId.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("A contact address could not be decrypted: is PRIVACY_KEY the one it was "
					+ "stored with?", e);
		}
	}

	String keyId() {
		return keys.keyId();
	}
}
