package com.rms.analytics.reports;

import com.rms.platform.tenant.TenantContext;
import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;

/**
 * The parameters every report execution carries: the tenant it runs for ({@code tenantId}, the
 * tenant's slug) and its run in that tenant's schema ({@code runId}). Every artifact works inside
 * the tenant it names; there is no default tenant.
 */
record JobParameters(TenantContext.Tenant tenant, long runId) {

    static final String TENANT = "tenantId";
    static final String RUN = "runId";

    static JobParameters of(JobContext job) {
        // the job XML copies the parameters into the job's properties: no repository read per call
        Properties parameters = job.getProperties();
        String tenant = parameters.getProperty(TENANT);
        String run = parameters.getProperty(RUN);
        if (tenant == null || tenant.isBlank() || run == null) {
            throw new IllegalStateException("report execution " + job.getExecutionId() + " carries no tenantId or runId");
        }
        return new JobParameters(TenantContext.Tenant.of(tenant), Long.parseLong(run));
    }

    static Properties of(String tenant, long runId) {
        Properties parameters = new Properties();
        parameters.setProperty(TENANT, tenant);
        parameters.setProperty(RUN, Long.toString(runId));
        return parameters;
    }
}
