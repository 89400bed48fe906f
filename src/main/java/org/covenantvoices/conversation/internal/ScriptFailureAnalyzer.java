package org.covenantvoices.conversation.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken script into a short start-up message an organiser can act on. */
class ScriptFailureAnalyzer extends AbstractFailureAnalyzer<ScriptException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ScriptException cause) {
		return new FailureAnalysis("The conversation script " + cause.file()
				+ (cause.line() > 0 ? " has a problem at line " + cause.line() : " has a problem") + ": "
				+ cause.reason() + ".",
				"Fix the script and start the service again. The README explains how scripts are written.", cause);
	}
}
