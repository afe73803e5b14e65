package com.rms.web.edge;

import com.rms.tenancy.domain.TenantSlug;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the OpenAPI document that the resources' annotations describe with what the edge does
 * to every call (registered as {@code mp.openapi.filter}):
 * <ul>
 * <li>the {@code Problem} schema of every error answer ({@value Problem#MEDIA_TYPE}, RFC 9457), and
 * that content on every 4xx and 5xx answer an operation documents without one;</li>
 * <li>the answers of the edge filters, on every operation they apply to: 401 and 403 where a token
 * is required, {@code X-Tenant-ID} with its 400, 403 and 404 on tenant-scoped paths, 400, 413 and 415
 * where there is a body, 429 (rate limits) and 500 everywhere, 503 where a dependency is used;</li>
 * <li>the tags of {@link ApiTags} with their descriptions.</li>
 * </ul>
 * An answer an operation documents itself keeps its own description; the edge's cause is added to it.
 */
public class OpenApiFilter implements OASFilter {

    static final String API = "/api/v1";
    static final String TENANT_HEADER = "X-Tenant-ID";

    /**
     * The paths under {@link #API} that are not tenant-scoped (no {@code X-Tenant-ID}): the platform's
     * tenants and status, and sign-in. Every other path under it is {@code @TenantScoped}
     * ({@code OpenApiFilterTest} checks the two agree).
     */
    static final List<String> NOT_TENANT_SCOPED = List.of(API + "/tenants", API + "/system", API + "/auth");

    /** Operations that read nothing but memory, so that no dependency can make them fail. */
    private static final Set<String> NO_DEPENDENCY = Set.of("GET " + API + "/auth/jwks");

    private static final String PROBLEM_REF = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("FieldError", fieldErrorSchema());
        components.addSchema(PROBLEM_REF, problemSchema());

        List<Tag> tags = new ArrayList<>();
        ApiTags.DESCRIPTIONS.forEach((name, description) -> tags.add(OASFactory.createTag().name(name).description(description)));
        openAPI.setTags(tags);

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            path.getValue().getOperations().forEach((method, operation) ->
                    complete(method.name(), path.getKey(), operation, openAPI.getSecurity()));
        }
    }

    /** Whether a path needs {@code X-Tenant-ID}. */
    static boolean tenantScoped(String path) {
        return path.startsWith(API + "/") && NOT_TENANT_SCOPED.stream()
                .noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    private static void complete(String method, String path, Operation operation, List<SecurityRequirement> global) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : global;
        boolean secured = security != null && security.stream()
                .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
        boolean tenantScoped = secured && tenantScoped(path);

        if (operation.getRequestBody() != null) {
            answer(responses, "400", "The request is malformed: not JSON, a field missing or invalid (named in "
                    + "errors[]), or over the limits of nesting, length or array size.");
            answer(responses, "413", "The body is over the configured limit (1 MiB by default).");
            answer(responses, "415", "The body is not application/json.");
        }
        if (tenantScoped) {
            addTenantHeader(operation);
            answer(responses, "400", "X-Tenant-ID is missing or is not a tenant slug.");
            answer(responses, "404", "The tenant named by X-Tenant-ID does not exist.");
        }
        if (secured) {
            answer(responses, "401", "No token, or an expired, forged or revoked one, or the member it was "
                    + "issued to has been deactivated.");
            answer(responses, "403", "The caller's roles do not allow this operation.");
            if (tenantScoped) {
                answer(responses, "403", "tenant-isolation: X-Tenant-ID is not the token's tenant (only a platform "
                        + "admin may name any tenant), or the tenant is suspended.");
            }
        }
        answer(responses, "429", "Over the tenant's or the client's request rate; Retry-After says when to try again.");
        if (!NO_DEPENDENCY.contains(method + " " + path)) {
            answer(responses, "503", "A dependency (database, messaging, card provider) is down or its circuit is "
                    + "open, or the tenant is unavailable; Retry-After is set.");
        }
        answer(responses, "500", "An unexpected error: the problem carries the requestId to report, never a stack trace.");

        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.matches("[45]\\d\\d") && response.getRef() == null) {
                    asProblem(response);
                }
            });
            responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
        }
    }

    /** Documents an answer, or adds this cause to the answer the operation documents itself. */
    private static void answer(APIResponses responses, String code, String cause) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(cause));
        } else if (existing.getDescription() == null || existing.getDescription().isBlank()) {
            existing.setDescription(cause);
        } else if (!existing.getDescription().contains(cause)) {
            existing.setDescription(existing.getDescription() + " " + cause);
        }
    }

    /** Makes an error answer's content the problem+json of the Problem schema, and nothing else. */
    private static void asProblem(APIResponse response) {
        Map<String, MediaType> types = response.getContent() == null ? null : response.getContent().getMediaTypes();
        MediaType problem = types == null ? null : types.get(Problem.MEDIA_TYPE);
        if (problem == null || problem.getSchema() == null) {
            problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
    }

    private static void addTenantHeader(Operation operation) {
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> TENANT_HEADER.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER)) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name(TENANT_HEADER).in(Parameter.In.HEADER).required(true)
                .description("The tenant (chain) the call works in: its slug, equal to the token's tenant claim "
                        + "(a platform admin may name any tenant).")
                .schema(OASFactory.createSchema().type(SchemaType.STRING).pattern(TenantSlug.REGEX))
                .example("demo"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("One invalid field of a request.")
                .addProperty("field", string("The field, e.g. lines[0].quantity, or a header's name."))
                .addProperty("message", string("What is wrong with it."))
                .required(List.of("field", "message"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("An error answer (RFC 9457), application/problem+json. The kinds and their statuses: "
                        + "validation 400, authentication 401, authorization 403, tenant-isolation 403, not-found 404, "
                        + "conflict 409, business-rule 422, idempotency-key-reuse 422, payload-too-large 413, "
                        + "rate-limited 429, service-unavailable 503. Never a stack trace, SQL or another tenant's data.")
                .addProperty("type", string("urn:rms:problem:<kind>").example("urn:rms:problem:validation"))
                .addProperty("title", string("The kind's title, the same for every problem of the kind."))
                .addProperty("status", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status.").example(400))
                .addProperty("detail", string("What went wrong with this request."))
                .addProperty("instance", string("The request's path."))
                .addProperty("requestId", string("The X-Request-ID of the request, as in every log line of it."))
                .addProperty("errors", OASFactory.createSchema().type(SchemaType.ARRAY)
                        .description("The invalid fields (validation).")
                        .items(OASFactory.createSchema().ref("FieldError")))
                .addProperty("current", OASFactory.createSchema().type(SchemaType.OBJECT)
                        .description("On a 409 of a stale If-Match: the current state of what was changed."))
                .addProperty("orderId", OASFactory.createSchema().type(SchemaType.INTEGER).format("int64")
                        .description("On a quick sale whose order was stored but not all its tenders taken: the order."))
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(SchemaType.STRING).description(description);
    }
}
