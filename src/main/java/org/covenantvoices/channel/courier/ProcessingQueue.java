package org.covenantvoices.channel.courier;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.covenantvoices.conversation.ConversationUnavailableException;
import org.covenantvoices.conversation.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the conversation for acknowledged messages, off the webhook's thread. Bounded: when it is full, messages
 * stay stored and the conversation's recovery sweep handles them. One waiting task per person is enough, since
 * processing drains all of that person's waiting messages in order.
 */
@Component
class ProcessingQueue implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ProcessingQueue.class);

	private final Conversations conversations;

	private final Dispatcher dispatcher;

	private final ThreadPoolExecutor executor;

	private final Set<String> waiting = ConcurrentHashMap.newKeySet();

	ProcessingQueue(Conversations conversations, Dispatcher dispatcher, CourierProperties properties) {
		this.conversations = conversations;
		this.dispatcher = dispatcher;
		int threads = properties.inbound().processingThreads();
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.inbound().processingQueue()), task -> {
					Thread thread = new Thread(task, "conversation-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	void schedule(String participantId, String channel) {
		if (!waiting.add(participantId)) {
			return; // a task for this person has not started yet: it will see this message too
		}
		try {
			executor.execute(() -> run(participantId, channel));
		}
		catch (RejectedExecutionException e) {
			waiting.remove(participantId);
			log.warn("Busy: a message waits for the recovery sweep");
		}
	}

	private void run(String participantId, String channel) {
		waiting.remove(participantId);
		try {
			conversations.process(participantId);
			dispatcher.wake(channel);
		}
		catch (ConversationUnavailableException e) {
			log.info("A message waits for the recovery sweep: {}", e.getMessage());
		}
		catch (RuntimeException e) {
			log.error("Processing failed; the message stays stored", e);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdown();
		executor.awaitTermination(15, TimeUnit.SECONDS);
	}
}
