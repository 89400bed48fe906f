package org.covenantvoices.channel.courier;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.covenantvoices.conversation.ConversationUnavailableException;
import org.covenantvoices.conversation.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the conversation for acknowledged messages, off the webhook's thread. One waiting task per person is enough,
 * since processing drains all of that person's waiting messages in order. Bounded: when it is full, messages stay
 * stored, and as soon as it has room again it takes them back from the inbox, oldest first. (It used to leave them to
 * the recovery sweep, which looks only at messages 30 s old, 200 every 5 s on one thread: a burst of replies to a
 * reminder then waited minutes with the processors idle.)
 */
@Component
class ProcessingQueue implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ProcessingQueue.class);

	private final Conversations conversations;

	private final Dispatcher dispatcher;

	private final ThreadPoolExecutor executor;

	private final Set<String> waiting = ConcurrentHashMap.newKeySet();

	private final int capacity;

	/** Set when a message found the queue full: it waits in the inbox for the next refill. */
	private final AtomicBoolean overflowed = new AtomicBoolean();

	private final AtomicBoolean refilling = new AtomicBoolean();

	ProcessingQueue(Conversations conversations, Dispatcher dispatcher, CourierProperties properties) {
		this.conversations = conversations;
		this.dispatcher = dispatcher;
		int threads = properties.inbound().processingThreads();
		this.capacity = properties.inbound().processingQueue();
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(capacity), task -> {
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
			if (!overflowed.getAndSet(true)) {
				log.warn("Busy: messages wait in the inbox until there is room to process them");
			}
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
		finally {
			refillIfRoom();
		}
	}

	/** After an overflow, once the queue is at most half full, takes the oldest waiting people back from the inbox. */
	private void refillIfRoom() {
		int room = executor.getQueue().remainingCapacity();
		if (!overflowed.get() || room < (capacity + 1) / 2 || !refilling.compareAndSet(false, true)) {
			return;
		}
		try {
			overflowed.set(false);
			List<Conversations.Waiting> backlog = conversations.backlog(room);
			for (Conversations.Waiting next : backlog) {
				schedule(next.participantId(), next.channel());
			}
			if (!backlog.isEmpty()) {
				overflowed.set(true); // there may be more: the next task to finish looks again, until none is left
			}
		}
		catch (RuntimeException e) {
			overflowed.set(true);
			log.info("Waiting messages stay in the inbox for now: {}", e.getMessage());
		}
		finally {
			refilling.set(false);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdown();
		executor.awaitTermination(15, TimeUnit.SECONDS);
	}
}
