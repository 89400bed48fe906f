package org.covenantvoices.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * A request the server cannot even read (a Content-Type that is a wildcard or no media type at all, multipart with no
 * boundary, a form body with broken percent-encoding or too big to parse) is the sender's fault: 400 or 415 with a
 * short reason. Without this, the parsing exceptions of Tomcat and Spring escape every handler and become 500s.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableRequestFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UnreadableRequestFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank()) {
			MediaType type;
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (InvalidMediaTypeException e) {
				refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not a media type.");
				return;
			}
			if (type.isWildcardType() || type.isWildcardSubtype()) {
				refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "The Content-Type cannot be a wildcard.");
				return;
			}
			if ("multipart".equalsIgnoreCase(type.getType()) && type.getParameter("boundary") == null) {
				refuse(response, HttpServletResponse.SC_BAD_REQUEST, "A multipart body needs a boundary.");
				return;
			}
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!unreadable(e) || response.isCommitted()) {
				throw e;
			}
			log.info("Refused an unreadable {} {}: {}", request.getMethod(), request.getRequestURI(), rootCause(e));
			response.reset();
			refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The request body could not be read.");
		}
	}

	private static boolean unreadable(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException || cause instanceof MultipartException
					|| cause instanceof HttpMessageNotReadableException) {
				return true;
			}
		}
		return false;
	}

	private static String rootCause(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream().write(reason.getBytes(StandardCharsets.UTF_8));
	}
}
