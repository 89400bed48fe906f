package org.covenantvoices.channel.courier;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What every webhook needs: the raw body, read with a limit, and short reasons for what it refuses. */
public final class Webhooks {

	/** Far above any real update or SMS (1,600 characters), far below what could hurt us. */
	public static final int MAX_BODY = 64 * 1024;

	private Webhooks() {
	}

	/** The body was larger than {@link #MAX_BODY}. */
	public static final class TooLarge extends Exception {

		TooLarge() {
			super("body too large", null, false, false);
		}
	}

	/** Reads the raw body as sent, which a signature covers; never more than {@link #MAX_BODY} bytes. */
	public static byte[] body(HttpServletRequest request) throws TooLarge, IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			throw new TooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				throw new TooLarge();
			}
			return body;
		}
	}

	/** True where the request says it carries this media type (parameters such as charset aside). */
	public static boolean hasContentType(HttpServletRequest request, MediaType expected) {
		String header = request.getContentType();
		if (header == null) {
			return false;
		}
		try {
			return expected.isCompatibleWith(MediaType.parseMediaType(header))
					&& !MediaType.parseMediaType(header).isWildcardType();
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	public static ResponseEntity<Object> refuse(HttpStatus status, String reason) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", reason));
	}
}
