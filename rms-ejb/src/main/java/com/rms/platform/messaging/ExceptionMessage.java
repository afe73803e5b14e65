package com.rms.platform.messaging;

import java.time.OffsetDateTime;

/**
 * A message in an exception destination, as an operator sees it: which queue it failed on, the
 * event it carries, and why and when it was moved there ({@code reason} and {@code attempts} are
 * known for what the consumers moved, the messaging engine's own moves name its reason code).
 */
public record ExceptionMessage(String id, String queue, String exceptionQueue, String tenant, String eventType,
        String eventId, String consumer, String reason, Integer attempts, OffsetDateTime failedAt) {
}
