package org.covenantvoices.console.pages;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.covenantvoices.record.QuestionId;
import org.covenantvoices.understanding.Theme;
import org.covenantvoices.understanding.ThemeAnalysis;
import org.covenantvoices.understanding.ThemeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Themes across every source for one engagement question: each theme's label, distinctive words, the people it
 * speaks for, three quotes, and where its answers came from, as charts with their tables. Organisers and admins can
 * run the analysis again; it runs in the background.
 */
@Controller
class ThemesPage {

	private final ThemeAnalysis analysis;

	private final Labels labels;

	ThemesPage(ThemeAnalysis analysis, Labels labels) {
		this.analysis = analysis;
		this.labels = labels;
	}

	@GetMapping("/themes")
	String themes(@RequestParam(required = false) String question, Model model) {
		QuestionId q = question == null ? QuestionId.Q1 : QuestionId.parse(question).orElse(QuestionId.Q1);
		Optional<ThemeSet> set = analysis.latest(q);
		model.addAttribute("question", q.name());
		model.addAttribute("questionText", q.text());
		model.addAttribute("running", analysis.running(q));
		model.addAttribute("set", set.orElse(null));
		model.addAttribute("mayRun", ConsoleLayout.signedIn().map(u -> u.role() != org.covenantvoices.console.Role.ANALYST)
			.orElse(false));
		set.ifPresent(s -> {
			model.addAttribute("themesChart", BarChart.of("themes-chart", "Answers and people represented, by theme",
					"For each theme of this question, how many answers it has and how many people they speak for. "
							+ "The same numbers are in the table next to the chart.",
					List.of(new BarChart.Series("contributions", "Answers"),
							new BarChart.Series("people", "People represented")),
					s.themes().stream().map(t -> BarChart.Row.of(t.label(), labels, t.answers(), t.represented()))
						.toList()));
			List<ThemeView> views = new ArrayList<>();
			for (Theme theme : s.themes()) {
				List<BarChart.Row> rows = new ArrayList<>();
				theme.bySource().forEach(t -> rows.add(BarChart.Row.of(labels.source(t.key()), labels, t.answers(),
						t.represented())));
				theme.byNation().forEach(t -> rows.add(BarChart.Row.of(labels.nation(t.key()), labels, t.answers(),
						t.represented())));
				views.add(new ThemeView(theme, BarChart.of("theme-" + theme.position() + "-chart",
						"Theme " + theme.position() + " by source and nation",
						"Answers and people represented in the theme " + theme.label() + ", first by source, then by "
								+ "nation. The same numbers are in the tables next to the chart.",
						List.of(new BarChart.Series("contributions", "Answers"),
								new BarChart.Series("people", "People represented")),
						rows)));
			}
			model.addAttribute("themes", views);
		});
		return "console/themes";
	}

	@PostMapping("/themes/run")
	String run(@RequestParam(required = false) String question, Principal user, RedirectAttributes redirect) {
		Optional<QuestionId> q = question == null ? Optional.empty() : QuestionId.parse(question);
		if (q.isEmpty()) {
			redirect.addFlashAttribute("notice", "Choose a question to analyse.");
			return "redirect:/themes";
		}
		boolean started = analysis.start(q.get(), user.getName());
		redirect.addFlashAttribute("notice", started
				? "Theme analysis has started. It can take up to a minute: reload this page to see the new themes."
				: "Theme analysis of this question is already running. Reload this page in a minute.");
		return "redirect:/themes?question=" + q.get().name();
	}

	public record ThemeView(Theme theme, BarChart chart) {
	}
}
