package org.covenantvoices.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.covenantvoices.record.ContributionImports;
import org.covenantvoices.record.ImportOptions;
import org.covenantvoices.record.ImportReport;
import org.covenantvoices.record.Source;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports of event notes and online-form responses. The file comes as the request body ({@code text/csv}) or as
 * the {@code file} field of a form upload. A bad file gets a 400 listing every line, column and reason.
 */
@RestController
class ImportsApi {

	private final ContributionImports imports;

	ImportsApi(ContributionImports imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportReport> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String source, @RequestParam(defaultValue = "false") boolean dryRun,
			Principal user) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return run(in, file.getOriginalFilename(), source, dryRun, user);
		}
	}

	@PostMapping(path = "/api/imports", consumes = { "text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<ImportReport> body(HttpServletRequest request, @RequestParam(required = false) String source,
			@RequestParam(required = false) String fileName, @RequestParam(defaultValue = "false") boolean dryRun,
			Principal user) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return run(in, fileName, source, dryRun, user);
		}
	}

	private ResponseEntity<ImportReport> run(InputStream in, String fileName, String source, boolean dryRun,
			Principal user) {
		Source defaultSource = null;
		if (source != null && !source.isBlank()) {
			defaultSource = Source.fromCode(source)
				.filter(s -> s == Source.ROUNDTABLE_NOTE || s == Source.EVENT_MINUTES || s == Source.ONLINE_FORM
						|| s == Source.OTHER)
				.orElseThrow(() -> new BadRequest("source must be roundtable_note, event_minutes, online_form or other"));
		}
		if (fileName != null && fileName.length() > 200) {
			fileName = fileName.substring(0, 200);
		}
		ImportReport report = imports.importCsv(in, new ImportOptions(fileName, defaultSource, dryRun),
				user.getName());
		return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(report);
	}
}
