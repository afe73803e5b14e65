package com.rms.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One line of a tenant's audit trail. Immutable once written; its hash covers its content and the
 * previous line's hash, so changing or removing any line breaks the chain from there on.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private long seq;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(updatable = false)
    private String target;

    @Column(updatable = false)
    private String detail;

    @Column(name = "approved_by", updatable = false)
    private String approvedBy;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long seq, Instant at, String actor, String action, String target, String detail,
            String approvedBy, String prevHash) {
        this.seq = seq;
        this.at = OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail;
        this.approvedBy = approvedBy;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** The hash this line should have, from its own content and its predecessor's hash. */
    public String computeHash() {
        String canonical = String.join("\n", prevHash, Long.toString(seq), at.toInstant().toString(), actor,
                action, nullSafe(target), nullSafe(detail), nullSafe(approvedBy));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullSafe(String value) {
        return value == null ? "" : value;
    }

    public long getSeq() {
        return seq;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
