package org.covenantvoices.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.covenantvoices.record.ImportRejected;
import org.covenantvoices.record.InvalidRequest;
import org.covenantvoices.record.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Short reasons for bad requests, and a 503 for a database that is down; never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(BadRequest.class)
	ResponseEntity<Map<String, String>> badRequest(BadRequest e) {
		return body(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(InvalidRequest.class)
	ResponseEntity<Map<String, String>> invalid(InvalidRequest e) {
		return body(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Map<String, String>> notFound(NotFound e) {
		return body(HttpStatus.NOT_FOUND, e.getMessage());
	}

	/** Every problem with the file, so an organiser can fix them all in one go. */
	@ExceptionHandler(ImportRejected.class)
	ResponseEntity<Map<String, Object>> importRejected(ImportRejected e) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", e.getMessage());
		body.put("problemCount", e.problemCount());
		body.put("problems", e.problems());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
		return body(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
		return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send " + e.getSupportedMediaTypes());
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class, MultipartException.class,
			MissingServletRequestPartException.class })
	ResponseEntity<Map<String, String>> upload(Exception e) {
		if (e instanceof MaxUploadSizeExceededException) {
			return body(HttpStatus.PAYLOAD_TOO_LARGE, "The file is too big");
		}
		return body(HttpStatus.BAD_REQUEST, "Upload the file as the form field \"file\"");
	}

	/** A filter of the wrong type, such as includeSuperseded=maybe. */
	@ExceptionHandler(BindException.class)
	ResponseEntity<Map<String, String>> binding(BindException e) {
		String field = e.getFieldError() != null ? e.getFieldError().getField() : "a parameter";
		return body(HttpStatus.BAD_REQUEST, field + " has the wrong form");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException e) {
		return body(HttpStatus.BAD_REQUEST, e.getName() + " has the wrong form");
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<Map<String, String>> unavailable(RuntimeException e) {
		log.warn("Database unavailable: {}", e.toString());
		return body(HttpStatus.SERVICE_UNAVAILABLE, "The record is not available just now. Please try again soon.");
	}

	private static ResponseEntity<Map<String, String>> body(HttpStatus status, String reason) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", reason));
	}
}
