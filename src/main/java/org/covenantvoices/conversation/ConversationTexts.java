package org.covenantvoices.conversation;

import java.util.List;

/** Every participant-facing text of the current conversation scripts, in every language. */
public interface ConversationTexts {

	List<ParticipantText> all();
}
