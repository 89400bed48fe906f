package org.covenantvoices.conversation.internal;

/** Words a participant can send at any step. Each script lists its own words for each command. */
enum Command {

	STOP("stop"), START("start"), HELP("help"), SKIP("skip"), BACK("back"), REPEAT("repeat"), EXPLAIN("explain"),
	FORGET("forget"), RESUME("resume"), LANGUAGE("language");

	final String key;

	Command(String key) {
		this.key = key;
	}
}
