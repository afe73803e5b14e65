package com.rms.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An event written in the transaction of the change that caused it, waiting to be relayed to its queues. */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @SequenceGenerator(name = "rmsOutboxIds", sequenceName = "rms_control.rms_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rmsOutboxIds")
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;

    /** The JMS queue names, comma-separated. */
    @Column(nullable = false, updatable = false)
    private String queues;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    protected OutboxEntry() {
    }

    public OutboxEntry(String eventId, String eventType, String aggregateId, String queues, String payload) {
        this.eventId = eventId == null ? UUID.randomUUID().toString() : eventId;
        this.eventType = eventType;
        this.aggregateId = aggregateId;
        this.queues = queues;
        this.payload = payload;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void published() {
        publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void attempted() {
        attempts++;
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

    public String getQueues() {
        return queues;
    }

    public String getPayload() {
        return payload;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }
}
