package com.rms.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * One event waiting in the tenant's outbox for its queues. Written in the business transaction,
 * marked published in the transaction that sends it, so a row is either still to send or sent.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    /** From the global id sequence ({@code rmsIds}, declared on BaseEntity): ascending ids are the relay order. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rmsIds")
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;

    @Column(nullable = false, updatable = false)
    private String queues;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(nullable = false)
    private int attempts;

    protected OutboxMessage() {
    }

    public OutboxMessage(String eventId, String eventType, String aggregateId, List<String> queues, String payload) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.aggregateId = aggregateId;
        this.queues = String.join(",", queues);
        this.payload = payload;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Records one more send of this row (the first by the relay, later ones by the sweep). */
    public void published() {
        attempts++;
        publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public List<String> queueNames() {
        return Arrays.stream(queues.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getPayload() {
        return payload;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }

    public int getAttempts() {
        return attempts;
    }
}
