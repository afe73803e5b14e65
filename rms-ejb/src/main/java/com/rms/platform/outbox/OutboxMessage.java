package com.rms.platform.outbox;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** An outbox row as it is sent: its id, the event's id, type and JSON, the queue names it goes to, when it was written. */
public record OutboxMessage(long id, String eventId, String eventType, List<String> queues, String payload,
        OffsetDateTime createdAt) {

    public OutboxMessage {
        queues = List.copyOf(queues);
    }

    static OutboxMessage of(OutboxEntry entry) {
        return new OutboxMessage(entry.getId(), entry.getEventId(), entry.getEventType(), queues(entry.getQueues()),
                entry.getPayload(), entry.getCreatedAt());
    }

    /** The queue names of the row's comma-separated {@code queues} column. */
    static List<String> queues(String column) {
        return Arrays.stream(column.split(",")).map(String::trim).filter(q -> !q.isEmpty()).toList();
    }
}
