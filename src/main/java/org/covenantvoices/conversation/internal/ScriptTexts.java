package org.covenantvoices.conversation.internal;

import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.conversation.ConversationTexts;
import org.covenantvoices.conversation.ParticipantText;
import org.springframework.stereotype.Component;

@Component
class ScriptTexts implements ConversationTexts {

	private final Scripts scripts;

	ScriptTexts(Scripts scripts) {
		this.scripts = scripts;
	}

	@Override
	public List<ParticipantText> all() {
		List<ParticipantText> texts = new ArrayList<>();
		for (ConversationScript script : scripts.all()) {
			texts.addAll(of(script));
		}
		return texts;
	}

	static List<ParticipantText> of(ConversationScript script) {
		List<ParticipantText> texts = new ArrayList<>();
		for (Step step : script.steps()) {
			texts.add(text(script, step.id(), "step", sample(step.text(), script, step)));
			if (step.explain() != null) {
				texts.add(text(script, step.id(), "explain", sample(step.explain(), script, step)));
			}
			for (Step.Option option : step.options()) {
				texts.add(text(script, step.id() + "/" + option.value(), "button", option.label()));
			}
		}
		script.messages().forEach((key, message) -> texts.add(text(script, key, "message",
				message.replace("{number}", "3").replace("{total}", String.valueOf(script.totalQuestions()))
					.replace("{min}", "2").replace("{max}", "5000"))));
		return texts;
	}

	private static String sample(String text, ConversationScript script, Step step) {
		return text.replace("{number}", String.valueOf(Math.max(1, script.questionNumber(step))))
			.replace("{total}", String.valueOf(script.totalQuestions()))
			.replace("{min}", String.valueOf(step.min()))
			.replace("{max}", String.valueOf(step.max()));
	}

	private static ParticipantText text(ConversationScript script, String key, String kind, String text) {
		return new ParticipantText(script.language(), script.version(), key, kind, text);
	}
}
