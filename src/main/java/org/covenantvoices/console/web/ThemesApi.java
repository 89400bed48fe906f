package org.covenantvoices.console.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.covenantvoices.record.QuestionId;
import org.covenantvoices.understanding.ThemeAnalysis;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Theme analysis of one engagement question's answers from every source. Everyone who reads the record reads the
 * themes; organisers and admins run the analysis, which takes up to a minute, so it runs in the background unless
 * {@code wait=true}.
 */
@RestController
class ThemesApi {

	private final ThemeAnalysis analysis;

	ThemesApi(ThemeAnalysis analysis) {
		this.analysis = analysis;
	}

	@GetMapping("/api/themes")
	Map<String, Object> themes(@RequestParam(required = false) String question) {
		QuestionId q = question(question);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("questionId", q.name());
		body.put("running", analysis.running(q));
		body.put("themeSet", analysis.latest(q).orElse(null));
		return body;
	}

	@PostMapping("/api/themes/run")
	ResponseEntity<Map<String, Object>> run(@RequestParam(required = false) String question,
			@RequestParam(defaultValue = "false") boolean wait, Principal user) {
		QuestionId q = question(question);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("questionId", q.name());
		if (wait) {
			body.put("status", "done");
			body.put("themeSet", analysis.run(q, user.getName()));
			return ResponseEntity.ok(body);
		}
		boolean started = analysis.start(q, user.getName());
		body.put("status", started ? "started" : "already_running");
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
	}

	static QuestionId question(String value) {
		if (value == null || value.isBlank()) {
			throw new BadRequest("Say which question: ?question=Q1 to Q6, OTHER or GENERAL");
		}
		return QuestionId.parse(value)
			.orElseThrow(() -> new BadRequest("question must be Q1 to Q6, OTHER or GENERAL, not \"" + value.strip() + "\""));
	}
}
