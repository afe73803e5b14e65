package com.rms.platform.messaging;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the side-effect consumers once the database is migrated: for every {@link EventHandler},
 * {@code rms.consumers.threads} managed threads receive from its queue, each taking up to
 * {@code rms.consumers.batch-size} messages at a time ({@link QueueReceiver}). Managed threads
 * rather than message-driven beans: an MDB gets one message per call (Liberty's {@code maxBatchSize}
 * still calls {@code onMessage} once per message, in one transaction across tenants, and one failure
 * rolls the whole batch back), so it can neither apply a tenant's batch in one transaction nor keep
 * a message from its redelivery count while the database is away.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventReceivers {

    private static final RmsLog LOG = RmsLog.of(EventReceivers.class);

    @Resource
    ManagedThreadFactory threadFactory;

    @Resource(lookup = "jms/rmsConnectionFactory")
    ConnectionFactory connections;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    EventConsumers consumers;

    @Inject
    @ConfigProperty(name = "rms.consumers.threads", defaultValue = "2")
    int threadsPerQueue;

    @Inject
    @ConfigProperty(name = "rms.consumers.batch-size", defaultValue = "50")
    int batchSize;

    @Inject
    @ConfigProperty(name = "rms.consumers.max-attempts", defaultValue = "5")
    int maxAttempts;

    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    @PostConstruct
    void start() {
        running.set(true);
        for (EventHandler handler : handlers) {
            EventConsumer consumer = handler.consumer();
            for (int i = 1; i <= Math.max(1, threadsPerQueue); i++) {
                String name = consumer.consumerName() + " consumer " + i;
                BatchApplier applier = new BatchApplier(handler, consumers, consumers::read,
                        OutageBackoff.of(name, running::get), Thread::sleep, maxAttempts);
                Thread thread = threadFactory.newThread(new QueueReceiver(connections, consumer.queue(), name, applier,
                        batchSize, running::get));
                thread.setName("rms-" + consumer.consumerName() + "-" + i);
                threads.add(thread);
                thread.start();
            }
        }
        LOG.info(LogContext.PERFORMANCE, threads.size() + " event receivers started (" + threadsPerQueue
                + " per queue, batches of up to " + batchSize + ")");
    }

    /**
     * Stops receiving: each thread ends after its current receive (at most a second), batch or pause.
     * Not interrupted: an interrupt inside a database call can close H2's file under other threads.
     */
    @PreDestroy
    void stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
