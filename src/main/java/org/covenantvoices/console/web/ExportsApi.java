package org.covenantvoices.console.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.RecordExports;
import org.covenantvoices.record.SummaryRow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports of the record for organisers and analysts. Each one streams as it is read, and is written to the audit
 * log (who, which format, which filters) before the first row leaves.
 */
@RestController
class ExportsApi {

	private final RecordExports exports;

	private final AuditLog audit;

	ExportsApi(RecordExports exports, AuditLog audit) {
		this.exports = exports;
		this.audit = audit;
	}

	@GetMapping("/api/export/contributions.csv")
	void csv(RecordQuery query, Principal user, HttpServletResponse response) throws IOException {
		ContributionFilter filter = query.filter();
		start(user, "csv", filter, response, "text/csv; charset=UTF-8", "covenant-contributions.csv");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// Excel reads Welsh letters correctly only with a byte order mark.
		out.write('\uFEFF');
		exports.csv(filter, out);
		out.flush();
	}

	@GetMapping("/api/export/contributions.jsonl")
	void jsonLines(RecordQuery query, Principal user, HttpServletResponse response) throws IOException {
		ContributionFilter filter = query.filter();
		start(user, "jsonl", filter, response, "application/jsonl; charset=UTF-8", "covenant-contributions.jsonl");
		OutputStream out = response.getOutputStream();
		exports.jsonLines(filter, out);
		out.flush();
	}

	@GetMapping("/api/export/consult.zip")
	void consult(RecordQuery query, Principal user, HttpServletResponse response)
			throws IOException {
		ContributionFilter filter = query.currentOnly();
		start(user, "consult", filter, response, "application/zip", "covenant-consult-" + LocalDate.now() + ".zip");
		OutputStream out = response.getOutputStream();
		exports.consultZip(filter, out);
		out.flush();
	}

	@GetMapping("/api/export/flow-results.zip")
	void flowResults(RecordQuery query, Principal user,
			HttpServletResponse response) throws IOException {
		ContributionFilter filter = query.currentOnly();
		start(user, "flow_results", filter, response, "application/zip",
				"covenant-flow-results-" + LocalDate.now() + ".zip");
		OutputStream out = response.getOutputStream();
		exports.flowResultsZip(filter, out);
		out.flush();
	}

	@GetMapping("/api/export/summary.json")
	Map<String, Object> summary(RecordQuery query, Principal user) {
		ContributionFilter filter = query.currentOnly();
		audit.record(user.getName(), "export.summary", null, Filters.describe(filter));
		List<SummaryRow> rows = exports.summary(filter);
		return Map.of("rows", rows, "totals", Map.of("contributions",
				rows.stream().mapToLong(SummaryRow::contributions).sum(), "peopleRepresented",
				rows.stream().mapToLong(SummaryRow::peopleRepresented).sum()));
	}

	@GetMapping("/api/export/summary.csv")
	void summaryCsv(RecordQuery query, Principal user, HttpServletResponse response)
			throws IOException {
		ContributionFilter filter = query.currentOnly();
		start(user, "summary", filter, response, "text/csv; charset=UTF-8", "covenant-summary.csv");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		exports.summaryCsv(filter, out);
		out.flush();
	}

	private void start(Principal user, String format, ContributionFilter filter, HttpServletResponse response,
			String contentType, String fileName) {
		audit.record(user.getName(), "export." + format, null, Filters.describe(filter));
		response.setContentType(contentType);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		response.setHeader("Cache-Control", "no-store");
	}
}
