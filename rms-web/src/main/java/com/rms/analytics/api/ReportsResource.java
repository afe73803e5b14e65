package com.rms.analytics.api;

import com.rms.analytics.reports.ReportRunStore;
import com.rms.analytics.reports.ReportRunView;
import com.rms.analytics.reports.ReportRuns;
import com.rms.analytics.reports.ReportSchedules;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.Created;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * Report jobs and their runs ({@code /reports}): Jakarta Batch executions of the caller's tenant,
 * partitioned per outlet. Read by owners, managers (their outlets) and batch operators.
 */
@Path("/reports")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
public class ReportsResource {

    private static final Map<String, String> FORMATS = Map.of("text/csv", "csv", "application/pdf", "pdf",
            "application/json", "json");

    @Inject
    ReportRuns runs;

    @Inject
    ReportSchedules schedules;

    /** The body of {@code POST /reports/runs}. */
    public record StartRun(String job, Map<String, Object> parameters) {
    }

    @GET
    @Path("/jobs")
    public List<ReportRuns.JobView> jobs() {
        return runs.jobs();
    }

    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(StartRun body) {
        if (body == null || body.job() == null || body.job().isBlank()) {
            throw new ValidationException("a job is required",
                    List.of(new com.rms.platform.error.RmsException.FieldError("job", "required")));
        }
        return Response.accepted(runs.start(body.job(), body.parameters())).build();
    }

    @GET
    @Path("/runs")
    public Page<ReportRunView> list(@QueryParam("job") String job, @QueryParam("status") String status,
            @BeanParam Paging paging) {
        return runs.list(job, status, paging.request());
    }

    @GET
    @Path("/runs/{id}")
    public ReportRunView get(@PathParam("id") long id) {
        return runs.get(id);
    }

    @POST
    @Path("/runs/{id}/stop")
    public Response stop(@PathParam("id") long id) {
        runs.stop(id);
        return Response.accepted().build();
    }

    @POST
    @Path("/runs/{id}/restart")
    public Response restart(@PathParam("id") long id) {
        return Response.accepted(runs.restart(id)).build();
    }

    /** The output in the format the {@code Accept} header asks for first: CSV, PDF or JSON (the default). */
    @GET
    @Path("/runs/{id}/output")
    @Produces({"text/csv", "application/pdf", MediaType.APPLICATION_JSON})
    public Response output(@PathParam("id") long id, @Context HttpHeaders headers) {
        String format = null;
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                format = "json";
                break;
            }
            format = FORMATS.get(accepted.getType() + "/" + accepted.getSubtype());
            if (format != null) {
                break;
            }
        }
        if (format == null) {
            throw new NotAcceptableException("outputs are text/csv, application/pdf or application/json");
        }
        ReportRunStore.Output output = runs.output(id, format);
        return Response.ok(output.content(), output.mediaType())
                .header("Content-Disposition", "attachment; filename=\"report-" + id + "." + format + "\"").build();
    }

    @GET
    @Path("/schedules")
    public Page<ReportSchedules.View> schedules(@BeanParam Paging paging) {
        return schedules.list(paging.request());
    }

    @POST
    @Path("/schedules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(ReportSchedules.Definition definition, @Context UriInfo uri) {
        ReportSchedules.View created = schedules.create(definition);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/schedules/{id}")
    public ReportSchedules.View schedule(@PathParam("id") long id) {
        return schedules.get(id);
    }

    @PUT
    @Path("/schedules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportSchedules.View reschedule(@PathParam("id") long id, ReportSchedules.Definition definition) {
        return schedules.update(id, definition);
    }

    @DELETE
    @Path("/schedules/{id}")
    public Response unschedule(@PathParam("id") long id) {
        schedules.delete(id);
        return Response.noContent().build();
    }
}
