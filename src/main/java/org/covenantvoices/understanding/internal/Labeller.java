package org.covenantvoices.understanding.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.covenantvoices.record.AnswerToLabel;
import org.covenantvoices.record.Annotations;
import org.covenantvoices.record.Contributions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labels every current answer, off the reply path: the embedding classifier always, and the chat model too where
 * one is configured. The queue is simply "answers this model and version has not labelled yet", so answers the
 * model could not label while it was down are labelled once it is back. One instance labels at a time.
 */
@Component
class Labeller {

	private static final Logger log = LoggerFactory.getLogger(Labeller.class);

	static final String LABEL_PROMPT = "label.v2";

	private static final long LOCK = 0x4C4142454CL; // "LABEL"

	private static final Set<String> PRINCIPLES = Set.of("recognition", "partnership", "participation",
			"transparency");

	private static final Map<String, String> AGREEMENT = Map.of("agree", "agreement", "disagree", "disagreement",
			"mixed", "mixed", "unclear", "unclear");

	/** Examples and facts: a number, a time, or words that introduce an example. */
	private static final Pattern EVIDENCE = Pattern.compile("(?i)\\b(for example|for instance|e\\.g\\.|such as|"
			+ "when we|last (year|month|week)|in 20\\d\\d|we ran|we had|we did|our (group|charity|project)|"
			+ "er enghraifft|y llynedd)\\b|\\d");

	private static final Pattern MIXED = Pattern.compile("(?i)\\b(but|however|although|partly|apart from|missing|"
			+ "ond|er hynny)\\b");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Annotations annotations;

	private final PrincipleClassifier classifier;

	private final Embeddings embeddings;

	private final ModelGateway models;

	private final UnderstandingProperties properties;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	private final Contributions contributions;

	Labeller(Contributions contributions, Annotations annotations, PrincipleClassifier classifier, Embeddings embeddings, ModelGateway models,
			UnderstandingProperties properties, TransactionTemplate tx, JdbcClient jdbc) {
		this.contributions = contributions;
		this.annotations = annotations;
		this.classifier = classifier;
		this.embeddings = embeddings;
		this.models = models;
		this.properties = properties;
		this.tx = tx;
		this.jdbc = jdbc;
	}

	@Scheduled(initialDelayString = "${covenant.understanding.labelling-interval:10s}",
			fixedDelayString = "${covenant.understanding.labelling-interval:10s}")
	void labelWaitingAnswers() {
		if (!embeddings.ready()) {
			return;
		}
		try {
			tx.executeWithoutResult(status -> {
				if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK)
					.query(Boolean.class).single())) {
					return;
				}
				int labelled = labelWithEmbeddings(200);
				if (labelled > 0) {
					log.debug("Labelled {} answers with the embedding classifier", labelled);
				}
			});
			if (models.configured()) {
				labelWithChatModel(20);
			}
		}
		catch (RuntimeException e) {
			log.warn("Labelling paused: {}", e.toString());
		}
	}

	int labelWithEmbeddings(int limit) {
		List<AnswerToLabel> waiting = annotations.unlabelled(PrincipleClassifier.METHOD, classifier.modelVersion(),
				limit);
		for (AnswerToLabel answer : waiting) {
			String model = PrincipleClassifier.METHOD;
			String version = classifier.modelVersion();
			for (String principle : classifier.classify(answer.text())) {
				annotations.assignByModel(answer.contributionId(), "principle", principle, model, version);
			}
			agreementFromChoice(answer).ifPresent(
					value -> annotations.assignByModel(answer.contributionId(), "sentiment", value, model, version));
			// Always written, so that every answer this classifier read leaves its queue.
			annotations.assignByModel(answer.contributionId(), "evidence",
					EVIDENCE.matcher(answer.text()).find() ? "yes" : "no", model, version);
		}
		return waiting.size();
	}

	/** Question 1's quick answer, tempered by a "but" in the words after it. */
	static Optional<String> agreementFromChoice(AnswerToLabel answer) {
		if (!"Q1".equals(answer.questionId())) {
			return Optional.empty();
		}
		String choice = answer.choice() == null ? "" : answer.choice();
		boolean hedged = answer.text() != null && MIXED.matcher(answer.text()).find();
		return Optional.of(switch (choice) {
			case "yes" -> hedged ? "mixed" : "agreement";
			case "no" -> "disagreement";
			default -> "unclear";
		});
	}

	void labelWithChatModel(int limit) {
		String model = properties.llm().model();
		List<AnswerToLabel> waiting = annotations.unlabelled(model, LABEL_PROMPT, limit);
		for (AnswerToLabel answer : waiting) {
			Optional<String> reply = models.completeJson("label", PromptTemplates.render(LABEL_PROMPT,
					Map.of("question_id", answer.questionId(), "answer", PromptTemplates.data(answer.text()))), 300);
			if (reply.isEmpty()) {
				return; // the model is down, slow or over budget: these answers stay queued for the next round
			}
			Optional<ModelLabels> labels = parse(reply.get(), answer.questionId(), answer.text());
			if (labels.isEmpty()) {
				// Not what was asked for: nothing is stored, and the answer is tried again next round.
				log.info("The model's labels for contribution {} were not valid and were not stored",
						answer.contributionId());
				continue;
			}
			tx.executeWithoutResult(status -> write(answer, labels.get(), model));
		}
	}

	private void write(AnswerToLabel answer, ModelLabels labels, String model) {
		for (String principle : labels.principles()) {
			annotations.assignByModel(answer.contributionId(), "principle", principle, model, LABEL_PROMPT);
		}
		if (labels.agreement() != null) {
			annotations.assignByModel(answer.contributionId(), "sentiment", labels.agreement(), model, LABEL_PROMPT);
		}
		for (String theme : labels.themes()) {
			annotations.assignByModel(answer.contributionId(), "theme", theme, model, LABEL_PROMPT);
		}
		annotations.assignByModel(answer.contributionId(), "evidence", labels.evidence() ? "yes" : "no", model,
				LABEL_PROMPT);
		contributions.addRedactionTerms(answer.contributionId(), labels.names());
	}

	/** The model's JSON as typed labels, or empty where anything in it is not what was asked for. */
	static Optional<ModelLabels> parse(String json, String questionId, String answerText) {
		try {
			JsonNode node = JSON.readTree(json.strip());
			if (node == null || !node.isObject() || !node.path("principles").isArray()
					|| !node.path("themes").isArray() || !node.path("evidence").isBoolean()) {
				return Optional.empty();
			}
			List<String> principles = new ArrayList<>();
			for (JsonNode p : node.get("principles")) {
				String value = p.isString() ? p.asString().strip().toLowerCase(Locale.ROOT) : "";
				if (!PRINCIPLES.contains(value)) {
					return Optional.empty();
				}
				if (!principles.contains(value)) {
					principles.add(value);
				}
			}
			String agreement = null;
			JsonNode a = node.get("agreement");
			if ("Q1".equals(questionId)) {
				if (a == null || !a.isString() || !AGREEMENT.containsKey(a.asString().strip().toLowerCase(Locale.ROOT))) {
					return Optional.empty();
				}
				agreement = AGREEMENT.get(a.asString().strip().toLowerCase(Locale.ROOT));
			}
			List<String> themes = new ArrayList<>();
			for (JsonNode t : node.get("themes")) {
				String theme = t.isString() ? t.asString().strip() : "";
				// Two to four words were asked for; a sentence is something else.
				if (theme.isEmpty() || theme.length() > 40 || theme.split("\\s+").length > 5
						|| !theme.matches("[\\p{L} '\\-]+") || themes.size() == 3) {
					return Optional.empty();
				}
				themes.add(theme.toLowerCase(Locale.ROOT));
			}
			List<String> names = new ArrayList<>();
			if (node.has("names")) {
				if (!node.get("names").isArray()) {
					return Optional.empty();
				}
				String lower = answerText == null ? "" : answerText.toLowerCase(Locale.ROOT);
				for (JsonNode n : node.get("names")) {
					String name = n.isString() ? n.asString().strip() : "";
					// Only words that are really in the answer: a model cannot add text to redact.
					if (name.length() < 2 || name.length() > 40 || !name.matches("[\\p{L} .'\\-]+")
							|| !lower.contains(name.toLowerCase(Locale.ROOT)) || names.size() == 10) {
						return Optional.empty();
					}
					names.add(name);
				}
			}
			return Optional.of(new ModelLabels(principles, agreement, themes, node.get("evidence").asBoolean(),
					names));
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	record ModelLabels(List<String> principles, String agreement, List<String> themes, boolean evidence,
			List<String> names) {
	}
}
