package it.api;

import static it.Api.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import it.Api;
import it.Api.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the server publishes, as an integrator gets it: valid OpenAPI 3 by the
 * standard parser and validator (swagger-parser), and complete enough to integrate from: every
 * operation tagged and summarised, every error answer a problem+json, the security of each
 * operation stated, the idempotent calls' 409/422, and an example of every request body.
 */
class OpenApiDocumentIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static String document;
    private static OpenAPI api;

    @BeforeAll
    static void fetch() {
        Api.awaitReady();
        Reply reply = at("/openapi").header("Accept", "application/json").get();
        assertEquals(200, reply.status(), reply::toString);
        document = reply.body();
        try {
            // kept beside the test reports, for a reader of a failure
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi-served.json"), document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        assertNotNull(parsed.getOpenAPI(), () -> "not parsed as OpenAPI: " + parsed.getMessages());
        assertEquals(List.of(), parsed.getMessages(), "the validator's messages on the served document");
        api = parsed.getOpenAPI();
    }

    @Test
    void isOpenApi3WithTheContractsPaths() {
        assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());
        for (String path : List.of("/api/v1/auth/token", "/api/v1/orders", "/api/v1/orders/{id}/payments",
                "/api/v1/reports/runs", "/api/v1/menu/items", "/api/v1/inventory/items", "/api/v1/staff")) {
            assertTrue(api.getPaths().containsKey(path), "the document lacks " + path);
        }
    }

    @Test
    void everyOperationHasASummaryADescriptionAndADeclaredTag() {
        Map<String, String> declared = new java.util.HashMap<>();
        for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
            declared.put(tag.getName(), tag.getDescription());
        }
        List<String> missing = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        eachOperation((name, op) -> {
            if (blank(op.getSummary())) {
                missing.add(name + ": no summary");
            }
            if (blank(op.getDescription())) {
                missing.add(name + ": no description");
            }
            if (op.getTags() == null || op.getTags().isEmpty()) {
                missing.add(name + ": no tag");
            } else {
                used.addAll(op.getTags());
            }
        });
        for (String tag : used) {
            if (!declared.containsKey(tag)) {
                missing.add("tag " + tag + " is used but not declared");
            } else if (blank(declared.get(tag))) {
                missing.add("tag " + tag + " has no description");
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(used.size() >= 12, "a tag per context: " + used);
    }

    @Test
    void everyErrorAnswerIsAProblemAndTheProblemSchemaIsDefinedOnce() {
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        assertNotNull(problem, "components.schemas.Problem");
        assertTrue(problem.getProperties().keySet().containsAll(
                List.of("type", "title", "status", "detail", "instance", "requestId", "errors")), problem::toString);
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> {
            if (op.getResponses() == null || op.getResponses().keySet().stream().noneMatch(c -> c.matches("[23]\\d\\d"))) {
                wrong.add(name + ": no success answer");
                return;
            }
            op.getResponses().forEach((code, response) -> {
                if (code.matches("[45]\\d\\d") && !isProblem(response)) {
                    wrong.add(name + " " + code + ": not a problem+json of the Problem schema");
                }
                if (blank(response.getDescription())) {
                    wrong.add(name + " " + code + ": no description");
                }
            });
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void securedOperationsNameTheBearerSchemeAndDocument401And403WhilePublicOnesNeedNothing() {
        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        assertTrue(schemes.values().stream().anyMatch(s -> s.getType() == SecurityScheme.Type.HTTP
                && "bearer".equalsIgnoreCase(s.getScheme()) && "JWT".equals(s.getBearerFormat())), schemes::toString);
        List<String> wrong = new ArrayList<>();
        List<String> open = new ArrayList<>();
        eachOperation((name, op) -> {
            List<SecurityRequirement> security = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
            boolean secured = security != null && security.stream().anyMatch(r -> !r.isEmpty());
            if (!secured) {
                open.add(name);
                return;
            }
            security.forEach(r -> r.keySet().forEach(scheme -> {
                if (!schemes.containsKey(scheme)) {
                    wrong.add(name + ": unknown security scheme " + scheme);
                }
            }));
            for (String code : List.of("401", "403")) {
                ApiResponse response = op.getResponses() == null ? null : op.getResponses().get(code);
                if (response == null || !isProblem(response)) {
                    wrong.add(name + ": no " + code + " problem+json");
                }
            }
        });
        assertEquals(List.of(), wrong);
        assertTrue(open.containsAll(List.of("POST /api/v1/auth/token", "POST /api/v1/auth/pin", "GET /api/v1/auth/jwks")),
                "sign-in and the key set need no token: " + open);
        assertFalse(open.contains("POST /api/v1/auth/socket-token"), "the socket token needs the caller's token");
        assertFalse(open.contains("POST /api/v1/orders"), "orders need a token");
    }

    @Test
    void idempotentOperationsDocumentTheKeyInFlightAndItsReuse() {
        List<String> idempotent = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> {
            boolean takesKey = op.getParameters() != null && op.getParameters().stream()
                    .anyMatch(p -> "header".equals(p.getIn()) && "Idempotency-Key".equalsIgnoreCase(p.getName()));
            if (!takesKey) {
                return;
            }
            idempotent.add(name);
            for (String code : List.of("409", "422")) {
                if (op.getResponses().get(code) == null) {
                    wrong.add(name + ": takes an Idempotency-Key but does not document " + code);
                }
            }
        });
        assertEquals(List.of(), wrong);
        assertTrue(idempotent.containsAll(List.of("POST /api/v1/orders", "POST /api/v1/orders/{id}/payments",
                "POST /api/v1/orders/{id}/refunds")), "the key is required there: " + idempotent);
    }

    @Test
    void everyRequestBodyHasAnExample() {
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> {
            if (op.getRequestBody() == null || !(name.startsWith("POST ") || name.startsWith("PUT "))) {
                return;
            }
            Content content = op.getRequestBody().getContent();
            boolean example = content != null && content.values().stream()
                    .anyMatch(m -> m.getExample() != null || (m.getExamples() != null && !m.getExamples().isEmpty()));
            if (!example) {
                wrong.add(name + ": a request body without an example");
                return;
            }
            content.values().stream().filter(m -> m.getExamples() != null).flatMap(m -> m.getExamples().values().stream())
                    .filter(e -> !(e.getValue() instanceof com.fasterxml.jackson.databind.JsonNode node) || !node.isContainerNode())
                    .forEach(e -> wrong.add(name + ": an example that is not a JSON object or array: " + e.getValue()));
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void tenantScopedOperationsTakeTheTenantHeader() {
        for (String name : List.of("GET /api/v1/orders", "POST /api/v1/menu/items", "GET /api/v1/outlets/{id}/stock")) {
            Operation op = operation(name);
            assertTrue(op.getParameters() != null && op.getParameters().stream().anyMatch(
                    p -> "header".equals(p.getIn()) && "X-Tenant-ID".equals(p.getName()) && Boolean.TRUE.equals(p.getRequired())),
                    name + " takes X-Tenant-ID");
            assertNotNull(op.getResponses().get("400"), name + " documents the missing tenant header");
        }
        Operation tenants = operation("GET /api/v1/tenants");
        assertTrue(tenants.getParameters() == null
                || tenants.getParameters().stream().map(Parameter::getName).noneMatch("X-Tenant-ID"::equals),
                "the platform's tenant list is not tenant-scoped");
    }

    private static Operation operation(String name) {
        String[] parts = name.split(" ", 2);
        PathItem item = api.getPaths().get(parts[1]);
        assertNotNull(item, name);
        Operation op = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(parts[0]));
        assertNotNull(op, name);
        return op;
    }

    private static boolean isProblem(ApiResponse response) {
        if (response.getContent() == null) {
            return false;
        }
        MediaType media = response.getContent().get(PROBLEM_JSON);
        return media != null && media.getSchema() != null && "#/components/schemas/Problem".equals(media.getSchema().get$ref());
    }

    private static void eachOperation(BiConsumer<String, Operation> check) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> check.accept(method + " " + path, op)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
