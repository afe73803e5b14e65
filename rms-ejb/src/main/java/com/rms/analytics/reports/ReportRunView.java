package com.rms.analytics.reports;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/** A run as {@code GET /reports/runs/{id}} shows it. */
public record ReportRunView(long id, String job, String status, JsonObject parameters, OffsetDateTime createdAt,
        OffsetDateTime startedAt, OffsetDateTime endedAt, boolean stale, String failure, String startedBy,
        Long scheduleId, Progress progress, List<Partition> partitions, List<String> outputs) {

    /** How far the run is: partitions done of all, and the source rows read so far. */
    public record Progress(int partitions, int completedPartitions, long itemsRead) {
    }

    /** One outlet's partition. */
    public record Partition(long outletId, String status, long itemsRead, long itemsWritten, String failure) {
    }

    /** The short form of a run that {@code POST /reports/runs} and a restart answer. */
    public record Started(long id, String job, String status) {
    }
}
