package org.covenantvoices.understanding.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.covenantvoices.participant.ParticipantErased;
import org.covenantvoices.platform.RedisKeys;
import org.covenantvoices.understanding.Assessment;
import org.covenantvoices.understanding.QuestionContext;
import org.covenantvoices.understanding.SafeguardingConcern;
import org.covenantvoices.understanding.Understanding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Service
class DefaultUnderstanding implements Understanding {

	private static final Logger log = LoggerFactory.getLogger(DefaultUnderstanding.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Cached explanations stay as long as the wording they explain; a new script version is a new key. */
	private static final Duration EXPLANATION_CACHE = Duration.ofDays(30);

	private final Assessor assessor;

	private final ModelGateway models;

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	private final JdbcClient jdbc;

	DefaultUnderstanding(Assessor assessor, ModelGateway models, UnifiedJedis redis, RedisKeys keys, JdbcClient jdbc) {
		this.assessor = assessor;
		this.models = models;
		this.redis = redis;
		this.keys = keys;
		this.jdbc = jdbc;
	}

	@Override
	public Assessment assess(String text, String language) {
		try {
			return assessor.assess(text);
		}
		catch (RuntimeException e) {
			log.warn("Assessment failed; treating the message as a plain answer: {}", e.toString());
			return Assessment.PLAIN;
		}
	}

	@Override
	public Optional<String> explain(QuestionContext question) {
		if (!models.configured()) {
			return Optional.empty();
		}
		String cacheKey = keys.global("explain", question.key());
		try {
			String cached = redis.get(cacheKey);
			if (cached != null) {
				return Optional.of(cached);
			}
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
		Optional<String> explanation = models
			.completeJson("explain", PromptTemplates.render(PromptTemplates.EXPLAIN, Map.of("language_name",
					languageName(question.language()), "max_characters", maxCharacters(question.language()),
					"question", PromptTemplates.data(question.questionText()), "simpler",
					PromptTemplates.data(question.simplerText()))), 200)
			.flatMap(json -> field(json, "explanation"))
			.filter(text -> accepted("explain", text, question, false));
		explanation.ifPresent(text -> {
			try {
				redis.set(cacheKey, text, SetParams.setParams().px(EXPLANATION_CACHE.toMillis()));
			}
			catch (RuntimeException e) {
				log.debug("Could not cache an explanation: {}", e.toString());
			}
		});
		return explanation;
	}

	@Override
	public Optional<String> probe(QuestionContext question, String answer) {
		if (!models.configured()) {
			return Optional.empty();
		}
		return models
			.completeJson("probe", PromptTemplates.render(PromptTemplates.PROBE, Map.of("language_name",
					languageName(question.language()), "max_characters", maxCharacters(question.language()),
					"question", PromptTemplates.data(question.questionText()), "answer",
					PromptTemplates.data(answer))), 120)
			.flatMap(json -> field(json, "probe"))
			.filter(text -> accepted("probe", text, question, true));
	}

	@Override
	public void flag(SafeguardingConcern concern) {
		jdbc.sql("INSERT INTO safeguarding_flags (participant_id, inbound_message_id, language, question_id, text, "
				+ "category, detector) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(concern.participantId(), concern.inboundMessageId(), concern.language(), concern.questionId(),
					concern.text(), concern.category(), concern.detector())
			.update();
	}

	/** FORGET: the flag stays for the organisers' records, but no longer points to the person. */
	@EventListener
	void on(ParticipantErased erased) {
		jdbc.sql("UPDATE safeguarding_flags SET participant_id = NULL WHERE participant_id = ?")
			.param(erased.participantId())
			.update();
	}

	private boolean accepted(String purpose, String text, QuestionContext question, boolean mustAsk) {
		String problem = GeneratedTextChecks.problem(text, question.language(), mustAsk,
				question.questionText() + " " + (question.simplerText() == null ? "" : question.simplerText()));
		if (problem != null) {
			log.info("A generated {} was not sent: {}", purpose, problem);
			return false;
		}
		return true;
	}

	private static Optional<String> field(String json, String name) {
		try {
			JsonNode node = JSON.readTree(json.strip());
			JsonNode value = node == null ? null : node.get(name);
			if (value == null || !value.isString()) {
				return Optional.empty();
			}
			return Optional.of(value.asString().strip());
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private static String languageName(String language) {
		return "cy".equals(language) ? "Welsh (Cymraeg)" : "British English";
	}

	/** One text message: 160 plain characters, or 70 where Welsh letters make it UCS-2. */
	private static String maxCharacters(String language) {
		return "cy".equals(language) ? "70" : "150";
	}
}
