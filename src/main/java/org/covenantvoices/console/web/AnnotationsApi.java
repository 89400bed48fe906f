package org.covenantvoices.console.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.covenantvoices.record.Annotation;
import org.covenantvoices.record.Annotations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Principles, themes and sentiment on contributions. A model's labels come with its name and version; a person's
 * with their console name. Confirming or correcting a label keeps the one before in the history.
 */
@RestController
class AnnotationsApi {

	private final Annotations annotations;

	AnnotationsApi(Annotations annotations) {
		this.annotations = annotations;
	}

	@GetMapping("/api/contributions/{id}/annotations")
	Map<String, List<Annotation>> list(@PathVariable long id,
			@RequestParam(defaultValue = "false") boolean history) {
		return Map.of("items", history ? annotations.history(id) : annotations.current(id));
	}

	@PostMapping("/api/contributions/{id}/annotations")
	@ResponseStatus(HttpStatus.CREATED)
	Annotation add(@PathVariable long id, @RequestBody(required = false) AnnotationRequest request,
			Principal user) {
		if (request == null) {
			throw new BadRequest("Send a JSON body like {\"kind\": \"theme\", \"value\": \"funding\"}");
		}
		if (request.model() != null || request.modelVersion() != null) {
			return annotations.assignByModel(id, request.kind(), request.value(), request.model(),
					request.modelVersion());
		}
		return annotations.assignByOrganiser(id, request.kind(), request.value(), user.getName());
	}

	@PostMapping("/api/annotations/{id}/confirm")
	Annotation confirm(@PathVariable long id, Principal user) {
		return annotations.confirm(id, user.getName());
	}

	@PostMapping("/api/annotations/{id}/correct")
	Annotation correct(@PathVariable long id, @RequestBody(required = false) CorrectionRequest request,
			Principal user) {
		if (request == null) {
			throw new BadRequest("Send a JSON body like {\"value\": \"partnership\"}");
		}
		return annotations.correct(id, request.value(), user.getName());
	}

	@PostMapping("/api/annotations/{id}/remove")
	Annotation remove(@PathVariable long id, Principal user) {
		return annotations.remove(id, user.getName());
	}

	/**
	 * @param model with modelVersion: the label comes from a model, not from the signed-in person
	 */
	record AnnotationRequest(String kind, String value, String model, String modelVersion) {
	}

	record CorrectionRequest(String value) {
	}
}
