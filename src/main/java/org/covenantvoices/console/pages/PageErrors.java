package org.covenantvoices.console.pages;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Errors on console pages get GOV.UK error pages, never JSON or a trace: "page not found" for something that is not
 * there, and "problem with the service" with a 503 when the database or Redis is down.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	private final ConsoleLayout layout;

	PageErrors(ConsoleLayout layout) {
		this.layout = layout;
	}

	@ExceptionHandler(ResponseStatusException.class)
	ModelAndView status(ResponseStatusException e, HttpServletRequest request) {
		HttpStatusCode status = e.getStatusCode();
		String view = switch (status.value()) {
			case 404 -> "error/404";
			case 403 -> "error/403";
			default -> status.is5xxServerError() ? "error/5xx" : "error";
		};
		return page(view, status, request);
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
			JedisException.class })
	ModelAndView unavailable(RuntimeException e, HttpServletRequest request) {
		log.warn("Console page unavailable: {}", e.toString());
		return page("error/5xx", HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/** Exception handlers get no model attributes of their own: the layout's are added here. */
	private ModelAndView page(String view, HttpStatusCode status, HttpServletRequest request) {
		Map<String, Object> model = new HashMap<>();
		model.put("status", status.value());
		model.put("currentUser", layout.currentUser());
		model.put("navigation", layout.navigation(request));
		model.put("requestPath", layout.requestPath(request));
		ModelAndView page = new ModelAndView(view, model);
		page.setStatus(status);
		return page;
	}
}
