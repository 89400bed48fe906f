package org.covenantvoices.console.pages;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.covenantvoices.record.ContributionImports;
import org.covenantvoices.record.ImportOptions;
import org.covenantvoices.record.ImportProblem;
import org.covenantvoices.record.ImportRejected;
import org.covenantvoices.record.ImportReport;
import org.covenantvoices.record.InvalidRequest;
import org.covenantvoices.record.Source;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Imports of roundtable notes, event minutes and online-form responses from CSV. A file goes in whole or not at all:
 * when any row is wrong, every bad row is listed with its line and reason in the GOV.UK error summary, and nothing
 * is kept. A dry run checks the file and says what would happen.
 */
@Controller
class ImportsPage {

	/** The sources an import may carry: the bot's channels fill the record themselves. */
	static final Map<String, String> SOURCES = new LinkedHashMap<>();

	static {
		SOURCES.put("roundtable_note", "Roundtable notes");
		SOURCES.put("event_minutes", "Event minutes");
		SOURCES.put("online_form", "Online form responses");
		SOURCES.put("other", "Other");
	}

	private final ContributionImports imports;

	ImportsPage(ContributionImports imports) {
		this.imports = imports;
	}

	@GetMapping("/imports")
	String form(Model model) {
		model.addAttribute("errors", new FormErrors());
		model.addAttribute("source", "roundtable_note");
		model.addAttribute("dryRun", false);
		model.addAttribute("problems", List.of());
		return "console/imports";
	}

	@PostMapping("/imports")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String source,
			@RequestParam(required = false) String dryRun, Model model, RedirectAttributes redirect) {
		FormErrors errors = new FormErrors();
		boolean dry = "yes".equals(dryRun) || "true".equals(dryRun);
		Source chosen = source == null ? null : Source.fromCode(source)
			.filter(s -> SOURCES.containsKey(s.code()))
			.orElse(null);
		if (chosen == null) {
			errors.add("source", "Select what kind of notes or responses the file holds");
		}
		if (file == null || file.isEmpty() || file.getOriginalFilename() == null) {
			errors.add("file", "Select a CSV file");
		}
		List<ImportProblem> problems = List.of();
		int problemCount = 0;
		if (!errors.any()) {
			String name = file.getOriginalFilename();
			if (name.length() > 200) {
				name = name.substring(0, 200);
			}
			try (InputStream in = file.getInputStream()) {
				ImportReport report = imports.importCsv(in, new ImportOptions(name, chosen, dry),
						EventsPage.signedInName());
				// Flash attributes live in the Redis session, so they must be serializable.
				redirect.addFlashAttribute("report", new Result(report.rows(), report.added(), report.updated(),
						report.unchanged(), report.dryRun()));
				redirect.addFlashAttribute("fileName", name);
				return "redirect:/imports/done";
			}
			catch (ImportRejected e) {
				problems = e.problems();
				problemCount = e.problemCount();
				// One entry per bad row in the summary: its line and reason, linking to the file box to upload again.
				for (ImportProblem problem : problems) {
					errors.add("file-line-" + problem.line() + "-" + (problem.column() == null ? "" : problem.column()),
							describe(problem));
				}
				if (problems.isEmpty()) {
					errors.add("file", e.getMessage());
				}
			}
			catch (InvalidRequest e) {
				errors.add("file", e.getMessage());
			}
			catch (IOException e) {
				errors.add("file", "The file could not be read. Try uploading it again");
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("problems", problems);
		model.addAttribute("problemCount", problemCount);
		model.addAttribute("source", chosen == null ? null : chosen.code());
		model.addAttribute("dryRun", dry);
		return "console/imports";
	}

	/** The result of the last import, after the redirect that keeps a reload from sending the file again. */
	@GetMapping("/imports/done")
	String done(Model model) {
		if (!model.containsAttribute("report")) {
			return "redirect:/imports";
		}
		return "console/import-done";
	}

	/** What an import did, as the result page shows it. */
	public record Result(int rows, int added, int updated, int unchanged, boolean dryRun)
			implements java.io.Serializable {
	}

	/** "Line 4, column question: must be Q1, ...". */
	static String describe(ImportProblem problem) {
		StringBuilder text = new StringBuilder("Line ").append(problem.line());
		if (problem.row() != problem.line()) {
			text.append(" (row ").append(problem.row()).append(")");
		}
		if (problem.column() != null) {
			text.append(", column ").append(problem.column());
		}
		return text.append(": ").append(problem.reason()).toString();
	}

	@org.springframework.web.bind.annotation.ModelAttribute("importSources")
	Map<String, String> sources() {
		return SOURCES;
	}
}
