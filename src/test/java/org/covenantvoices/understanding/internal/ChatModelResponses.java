package org.covenantvoices.understanding.internal;

import org.covenantvoices.support.Client;

/** What an OpenAI-compatible server answers to /chat/completions. */
final class ChatModelResponses {

	private ChatModelResponses() {
	}

	static String completion(String content) {
		return """
				{"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "test-model",
				 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
				 "usage": {"prompt_tokens": 120, "completion_tokens": 20, "total_tokens": 140}}
				""".formatted(Client.JSON.writeValueAsString(content));
	}
}
