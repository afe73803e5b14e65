package com.rms.analytics.api;

import com.rms.analytics.reports.ReportRunStore;
import com.rms.analytics.reports.ReportRunView;
import com.rms.analytics.reports.ReportRuns;
import com.rms.analytics.reports.ReportSchedules;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Created;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Report jobs and their runs ({@code /reports}): Jakarta Batch executions of the caller's tenant,
 * partitioned per outlet. Read by owners, managers (their outlets) and batch operators.
 */
@ApplicationScoped
@Path("/reports")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
@Tag(name = ApiTags.REPORTS)
public class ReportsResource {

    /** The 404 of a run. */
    static final String NO_RUN = "No such run in this tenant.";

    /** The 404 of a schedule. */
    static final String NO_SCHEDULE = "No such schedule in this tenant.";

    /** Who may call the report operations, as the document says. */
    static final String READERS = "Roles: OWNER, MANAGER (their outlets), BATCH_OPERATOR.";

    /** The 400 of a schedule. */
    static final String BAD_SCHEDULE = "An unknown job, a bad cron or time zone, a cron more often than every 5 "
            + "minutes, or a bad parameter.";

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
    @Operation(summary = "List report jobs",
            description = "Each job's name, description and parameters {name, type, required, default}: daily-sales, "
                    + "inventory-valuation, stock-variance, menu-engineering, labour, loyalty-expiry. " + READERS)
    @APIResponse(responseCode = "200", description = "The jobs.")
    public List<ReportRuns.JobView> jobs() {
        return runs.jobs();
    }

    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a report run",
            description = "A Jakarta Batch execution of the caller's tenant only, partitioned per outlet; parameters "
                    + "businessDate, from, to, outletIds as the job declares. When it ends, report.finished goes to "
                    + "the tenant's sockets. Roles: OWNER, MANAGER, BATCH_OPERATOR.")
    @RequestBody(description = "The job and its parameters.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "yesterday's sales of two outlets", value = """
    {"job": "daily-sales", "parameters": {"businessDate": "2026-12-06", "outletIds": [1, 2]}}"""),
                @ExampleObject(name = "stock variance over a week", value = """
    {"job": "stock-variance", "parameters": {"from": "2026-11-30", "to": "2026-12-06"}}""")}))
    @APIResponse(responseCode = "202", description = "Started: {id, job, status}.")
    @APIResponse(responseCode = "400", description = "No job, an unknown job, or a bad parameter.")
    @APIResponse(responseCode = "409", description = "The job cannot run now (e.g. what it needs is not available).")
    public Response start(StartRun body) {
        if (body == null || body.job() == null || body.job().isBlank()) {
            throw new ValidationException("a job is required",
                    List.of(new com.rms.platform.error.RmsException.FieldError("job", "required")));
        }
        return Response.accepted(runs.start(body.job(), body.parameters())).build();
    }

    @GET
    @Path("/runs")
    @Operation(summary = "List report runs",
            description = "Optionally of one job and one status (STARTING, STARTED, COMPLETED, FAILED, STOPPED), "
                    + "newest first. Paged with page (0-based) and size (default 50, max 500): {items, page, size, "
                    + "total}. " + READERS)
    @APIResponse(responseCode = "200", description = "A page of runs.")
    public Page<ReportRunView> list(@QueryParam("job") String job, @QueryParam("status") String status,
            @BeanParam Paging paging) {
        return runs.list(job, status, paging.request());
    }

    @GET
    @Path("/runs/{id}")
    @Operation(summary = "Get a report run",
            description = "status, parameters, times, progress {partitions, completedPartitions, itemsRead}, its "
                    + "partitions per outlet, stale, and the outputs it has. " + READERS)
    @APIResponse(responseCode = "200", description = "The run.")
    @APIResponse(responseCode = "404", description = NO_RUN)
    public ReportRunView get(@PathParam("id") long id) {
        return runs.get(id);
    }

    @POST
    @Path("/runs/{id}/stop")
    @Operation(summary = "Stop a running report run",
            description = READERS)
    @APIResponse(responseCode = "202", description = "Stopping.")
    @APIResponse(responseCode = "404", description = NO_RUN)
    @APIResponse(responseCode = "409", description = "The run is not running.")
    public Response stop(@PathParam("id") long id) {
        runs.stop(id);
        return Response.accepted().build();
    }

    @POST
    @Path("/runs/{id}/restart")
    @Operation(summary = "Restart a failed or stopped report run",
            description = "Only its unfinished partitions run again. " + READERS)
    @APIResponse(responseCode = "202", description = "Restarted: {id, job, status}.")
    @APIResponse(responseCode = "404", description = NO_RUN)
    @APIResponse(responseCode = "409", description = "The run is not FAILED or STOPPED, or cannot be restarted.")
    public Response restart(@PathParam("id") long id) {
        return Response.accepted(runs.restart(id)).build();
    }

    /** The output in the format the {@code Accept} header asks for first: CSV, PDF or JSON (the default). */
    @GET
    @Path("/runs/{id}/output")
    @Produces({"text/csv", "application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "Get a report run's output",
            description = "By Accept: text/csv, application/pdf or application/json ({rows: [...]}, the default for "
                    + "*/*). " + READERS)
    @APIResponse(responseCode = "200", description = "The output, as an attachment.",
            content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "No such run in this tenant, or it has no output yet.")
    @APIResponse(responseCode = "406", description = "Accept names none of text/csv, application/pdf, "
            + "application/json.")
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
    @Operation(summary = "List report schedules",
            description = "With nextRunAt and lastRunId. Paged with page (0-based) and size (default 50, max 500): "
                    + "{items, page, size, total}. " + READERS)
    @APIResponse(responseCode = "200", description = "A page of schedules.")
    public Page<ReportSchedules.View> schedules(@BeanParam Paging paging) {
        return schedules.list(paging.request());
    }

    @POST
    @Path("/schedules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a report schedule",
            description = "A 5-field cron in a time zone (minute resolution; not more often than every 5 minutes). "
                    + "Each due time runs exactly once, on one server, and a run missed while all were down runs at "
                    + "start. " + READERS)
    @RequestBody(description = "The schedule.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "daily sales every morning", value = """
    {"job": "daily-sales", "cron": "30 6 * * *", "timezone": "Europe/Rome", "parameters": {"outletIds": [1, 2]}, "enabled": true}""")}))
    @APIResponse(responseCode = "201", description = "The schedule with nextRunAt; Location names it.")
    @APIResponse(responseCode = "400", description = BAD_SCHEDULE)
    public Response schedule(ReportSchedules.Definition definition, @Context UriInfo uri) {
        ReportSchedules.View created = schedules.create(definition);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/schedules/{id}")
    @Operation(summary = "Get a report schedule",
            description = READERS)
    @APIResponse(responseCode = "200", description = "The schedule.")
    @APIResponse(responseCode = "404", description = NO_SCHEDULE)
    public ReportSchedules.View schedule(@PathParam("id") long id) {
        return schedules.get(id);
    }

    @PUT
    @Path("/schedules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a report schedule",
            description = "The full new definition. " + READERS)
    @RequestBody(description = "The schedule's new definition.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "paused", value = """
    {"job": "daily-sales", "cron": "30 6 * * *", "timezone": "Europe/Rome", "parameters": {"outletIds": [1, 2]}, "enabled": false}""")}))
    @APIResponse(responseCode = "200", description = "The updated schedule.")
    @APIResponse(responseCode = "400", description = BAD_SCHEDULE)
    @APIResponse(responseCode = "404", description = NO_SCHEDULE)
    public ReportSchedules.View reschedule(@PathParam("id") long id, ReportSchedules.Definition definition) {
        return schedules.update(id, definition);
    }

    @DELETE
    @Path("/schedules/{id}")
    @Operation(summary = "Delete a report schedule",
            description = READERS)
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = NO_SCHEDULE)
    public Response unschedule(@PathParam("id") long id) {
        schedules.delete(id);
        return Response.noContent().build();
    }
}
