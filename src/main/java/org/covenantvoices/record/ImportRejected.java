package org.covenantvoices.record;

import java.util.List;

/** The file was not imported; {@link #problems()} lists what to fix (the first few hundred of them). */
public class ImportRejected extends RuntimeException {

	private final List<ImportProblem> problems;

	private final int problemCount;

	public ImportRejected(String reason, List<ImportProblem> problems, int problemCount) {
		super(reason);
		this.problems = List.copyOf(problems);
		this.problemCount = problemCount;
	}

	public List<ImportProblem> problems() {
		return problems;
	}

	public int problemCount() {
		return problemCount;
	}
}
