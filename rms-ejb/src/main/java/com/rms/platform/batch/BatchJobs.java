package com.rms.platform.batch;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;
import java.util.Set;

/**
 * Every call RMS makes to the batch runtime's {@link JobOperator}, made as the server's batch
 * identity: the {@value #ROLE} role, which the server maps to its {@code rms-batch} user (a
 * {@code run-as} binding of the application in {@code server.xml}), the only subject granted
 * Liberty's batch roles. A run started by a schedule's timer has no caller, an API or back-office
 * caller is known only to RMS (MicroProfile JWT groups, form login over the staff records): both
 * reach the runtime as {@code rms-batch}, after the contexts that call this have checked the caller's
 * own rights (roles, outlets, tenant). Anything else that calls {@link BatchRuntime} directly is
 * refused by Liberty.
 */
@Stateless
@DeclareRoles(BatchJobs.ROLE)
@RunAs(BatchJobs.ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchJobs {

    /** The run-as role of the server's batch identity. */
    public static final String ROLE = "rms-batch";

    /** A started execution: its id and its job instance's. */
    public record Started(long executionId, long instanceId) {
    }

    public Started start(String job, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long execution = operator.start(job, parameters);
        return new Started(execution, operator.getJobInstance(execution).getInstanceId());
    }

    public long restart(long executionId, Properties parameters) {
        return BatchRuntime.getJobOperator().restart(executionId, parameters);
    }

    public void stop(long executionId) {
        BatchRuntime.getJobOperator().stop(executionId);
    }

    public BatchStatus status(long executionId) {
        return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
    }

    /** The names of the jobs in the repository (the batch health probe). */
    public Set<String> jobNames() {
        return BatchRuntime.getJobOperator().getJobNames();
    }
}
