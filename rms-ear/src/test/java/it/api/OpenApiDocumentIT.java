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
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
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

    /**
     * The request examples are what the server accepts: each is sent as the document shows it, in a
     * fresh tenant, with only its ids (and unique names) replaced by those of what the earlier
     * examples created there.
     */
    @Test
    void theRequestExamplesAreAcceptedByTheServer() {
        Api.TestTenant t = Api.newTenant("oasex");
        List<String> refused = new ArrayList<>();
        Examples ex = new Examples(t, refused);

        long outlet = ex.created("POST", "/api/v1/outlets", Map.of(), Map.of()).getJsonNumber("id").longValue();
        long other = ex.created("POST", "/api/v1/outlets", Map.of(), Map.of("name", List.of(Json.createValue("Second outlet"))))
                .getJsonNumber("id").longValue();
        ex.sent("PUT", "/api/v1/outlets/{id}", Map.of("id", outlet), Map.of());
        long tax = ex.created("POST", "/api/v1/tax-rates", Map.of(), Map.of()).getJsonNumber("id").longValue();
        ex.sent("PUT", "/api/v1/tax-rates/{id}", Map.of("id", tax), Map.of());
        long category = ex.created("POST", "/api/v1/menu/categories", Map.of(), Map.of()).getJsonNumber("id").longValue();
        ex.sent("PUT", "/api/v1/menu/categories/{id}", Map.of("id", category), Map.of());
        Map<String, List<JsonValue>> menuIds = Map.of("categoryId", ids(category), "taxRateId", ids(tax));
        JsonObject item = ex.created("POST", "/api/v1/menu/items", Map.of(), menuIds);
        long itemId = item.getJsonNumber("id").longValue();
        long modifier = item.getJsonArray("modifierGroups").getJsonObject(0).getJsonArray("modifiers").getJsonObject(0)
                .getJsonNumber("id").longValue();

        long cheese = ex.created("POST", "/api/v1/inventory/items", Map.of(), Map.of()).getJsonNumber("id").longValue();
        long flour = ex.created("POST", "/api/v1/inventory/items", Map.of(), Map.of("sku", List.of(Json.createValue("FLOUR-00")),
                "name", List.of(Json.createValue("Flour 00")))).getJsonNumber("id").longValue();
        ex.sent("PUT", "/api/v1/inventory/items/{id}", Map.of("id", cheese), Map.of());
        Map<String, List<JsonValue>> stock = Map.of("stockItemId", ids(cheese, flour));
        ex.sent("PUT", "/api/v1/menu/items/{id}/recipe", Map.of("id", itemId), stock);
        ex.sent("PUT", "/api/v1/menu/modifiers/{id}/recipe", Map.of("id", modifier), stock);
        ex.sent("POST", "/api/v1/outlets/{id}/stock/adjustments", Map.of("id", outlet), Map.of("stockItemId", ids(cheese)), "stock count");
        ex.sent("POST", "/api/v1/outlets/{id}/stock/adjustments", Map.of("id", outlet), Map.of("stockItemId", ids(flour)), "stock count");
        ex.sent("POST", "/api/v1/outlets/{id}/stock/adjustments", Map.of("id", outlet), Map.of("stockItemId", ids(cheese)), "waste");
        ex.sent("POST", "/api/v1/outlets/{id}/stock/transfers", Map.of("id", outlet),
                Map.of("stockItemId", ids(cheese), "toOutletId", ids(other)));
        Map<String, List<JsonValue>> lines = Map.of("menuItemId", ids(itemId, itemId), "modifierIds", List.of(ids(modifier).get(0)));
        ex.sent("POST", "/api/v1/outlets/{id}/stock/availability", Map.of("id", outlet), lines);

        long supplier = ex.created("POST", "/api/v1/suppliers", Map.of(), Map.of()).getJsonNumber("id").longValue();
        ex.sent("PUT", "/api/v1/suppliers/{id}", Map.of("id", supplier), Map.of());
        long po = ex.created("POST", "/api/v1/purchase-orders", Map.of(),
                Map.of("supplierId", ids(supplier), "outletId", ids(outlet), "stockItemId", ids(cheese, flour))).getJsonNumber("id").longValue();
        assertEquals(200, t.call("/api/v1/purchase-orders/" + po + "/send").post(Json.createObjectBuilder().build()).status());
        ex.sent("POST", "/api/v1/purchase-orders/{id}/receive", Map.of("id", po), stock);

        long table = ex.created("POST", "/api/v1/outlets/{id}/tables", Map.of("id", outlet), Map.of()).getJsonNumber("id").longValue();
        ex.sent("PUT", "/api/v1/outlets/{id}/tables/{tableId}", Map.of("id", outlet, "tableId", table), Map.of());
        long member = ex.created("POST", "/api/v1/staff", Map.of(), Map.of("outletIds", List.of(ids(outlet).get(0))))
                .getJsonNumber("id").longValue();
        ex.sent("PUT", "/api/v1/staff/{id}", Map.of("id", member), Map.of("outletIds", List.of(ids(outlet).get(0))));
        long customer = ex.created("POST", "/api/v1/customers", Map.of(), Map.of()).getJsonNumber("id").longValue();
        long session = ex.created("POST", "/api/v1/outlets/{id}/cash-sessions", Map.of("id", outlet), Map.of())
                .getJsonNumber("id").longValue();

        Map<String, List<JsonValue>> order = new java.util.HashMap<>(lines);
        order.put("outletId", ids(outlet));
        order.put("tableId", ids(table));
        long dineIn = ex.created("POST", "/api/v1/orders", Map.of(), order, "dine-in order").getJsonNumber("id").longValue();
        ex.sent("POST", "/api/v1/orders/{id}/lines", Map.of("id", dineIn), lines);
        ex.sent("PUT", "/api/v1/orders/{id}/customer", Map.of("id", dineIn), Map.of("customerId", ids(customer)));
        ex.sent("PUT", "/api/v1/orders/{id}/discount", Map.of("id", dineIn), Map.of(), "10 % for a regular");
        ex.sent("PUT", "/api/v1/orders/{id}/discount", Map.of("id", dineIn), Map.of(), "5.00 off with approval");
        ex.sent("POST", "/api/v1/orders/{id}/send", Map.of("id", dineIn), Map.of());
        ex.sent("POST", "/api/v1/orders/{id}/payments", Map.of("id", dineIn), Map.of(), "cash with change");
        ex.sent("POST", "/api/v1/orders/{id}/payments", Map.of("id", dineIn), Map.of(), "card with a tip");
        long ticket = t.call("/api/v1/outlets/" + outlet + "/kitchen/tickets").get().array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        ex.sent("POST", "/api/v1/kitchen/tickets/{id}/status", Map.of("id", ticket), Map.of());
        long unpaid = ex.created("POST", "/api/v1/orders", Map.of(), order, "dine-in order").getJsonNumber("id").longValue();
        ex.sent("POST", "/api/v1/orders/{id}/void", Map.of("id", unpaid), Map.of());
        long toReopen = ex.created("POST", "/api/v1/orders", Map.of(), order, "quick sale, paid in cash").getJsonNumber("id")
                .longValue();
        // 409 while the sale's stock, sales and points are still being recorded, as documented
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> ex.send("POST", "/api/v1/orders/{id}/reopen", Map.of("id", toReopen), Map.of(), null).status() != 409);
        assertEquals("OPEN", t.call("/api/v1/orders/" + toReopen).get().json().getString("status"), "re-opened by its example");
        long quick = ex.created("POST", "/api/v1/orders", Map.of(), order, "quick sale, paid in cash").getJsonNumber("id").longValue();
        ex.sent("POST", "/api/v1/orders/{id}/refunds", Map.of("id", quick), Map.of());
        ex.sent("POST", "/api/v1/cash-sessions/{id}/close", Map.of("id", session), Map.of());

        // the menu changes last: the orders above are priced and made with the item as created
        ex.sent("PUT", "/api/v1/menu/items/{id}", Map.of("id", itemId), menuIds);
        ex.sent("PUT", "/api/v1/outlets/{outletId}/menu/items/{itemId}", Map.of("outletId", outlet, "itemId", itemId), Map.of());
        ex.sent("PUT", "/api/v1/outlets/{outletId}/menu/items/{itemId}", Map.of("outletId", outlet, "itemId", itemId),
                Map.of(), "sold out today");

        Map<String, List<JsonValue>> outlets = Map.of("outletIds", List.of(ids(outlet, other).get(0), ids(outlet, other).get(1)));
        ex.sent("POST", "/api/v1/reports/runs", Map.of(), outlets, "yesterday's sales of two outlets");
        ex.sent("POST", "/api/v1/reports/runs", Map.of(), Map.of(), "stock variance over a week");
        long schedule = ex.created("POST", "/api/v1/reports/schedules", Map.of(), outlets).getJsonNumber("id").longValue();
        ex.sent("PUT", "/api/v1/reports/schedules/{id}", Map.of("id", schedule), outlets);

        ex.sent("POST", "/api/v1/auth/pin", Map.of(), Map.of("tenant", List.of(Json.createValue(t.slug())),
                "outletId", ids(outlet)));
        for (String who : List.of("a tenant's owner", "a platform admin")) {
            // a user that does not exist: no real account's failure count goes up
            Reply signIn = ex.send("POST", "/api/v1/auth/token", Map.of(), Map.of("tenant", List.of(Json.createValue(t.slug())),
                    "username", List.of(Json.createValue("nobody-" + letters()))), who);
            assertEquals(401, signIn.status(), "the sign-in example's shape is accepted (its password is no one's): " + signIn);
        }

        Examples platform = new Examples(new Api.TestTenant(null, Api.adminToken()), refused);
        String slug = "oasex_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        platform.created("POST", "/api/v1/tenants", Map.of(), Map.of("slug", List.of(Json.createValue(slug))));
        platform.sent("PUT", "/api/v1/tenants/{slug}/payment-provider", Map.of("slug", slug), Map.of());
        assertEquals(List.of(), refused);
    }

    /** Random letters: a name no account has, and no digits that could look like a card number. */
    private static String letters() {
        return java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private static List<JsonValue> ids(long... values) {
        List<JsonValue> out = new ArrayList<>();
        for (long v : values) {
            out.add(Json.createValue(v));
        }
        return out;
    }

    /** Sends the document's request examples in one tenant, and notes any answer that is not 2xx. */
    private record Examples(Api.TestTenant tenant, List<String> refused) {

        JsonObject created(String method, String path, Map<String, Object> params, Map<String, List<JsonValue>> replace) {
            return created(method, path, params, replace, null);
        }

        JsonObject created(String method, String path, Map<String, Object> params, Map<String, List<JsonValue>> replace,
                String name) {
            Reply reply = sent(method, path, params, replace, name);
            assertEquals(201, reply.status(), () -> method + " " + path + " with its example: " + reply);
            return reply.json();
        }

        Reply sent(String method, String path, Map<String, Object> params, Map<String, List<JsonValue>> replace) {
            return sent(method, path, params, replace, null);
        }

        Reply sent(String method, String path, Map<String, Object> params, Map<String, List<JsonValue>> replace, String name) {
            Reply reply = send(method, path, params, replace, name);
            if (reply.status() / 100 != 2) {
                refused.add(method + " " + path + (name == null ? "" : " (" + name + ")") + ": " + reply);
            }
            return reply;
        }

        Reply send(String method, String path, Map<String, Object> params, Map<String, List<JsonValue>> replace, String name) {
            Content content = operation(method + " " + path).getRequestBody().getContent();
            Map<String, io.swagger.v3.oas.models.examples.Example> examples = content.get("application/json").getExamples();
            Object value = (name == null ? examples.values().iterator().next() : examples.get(name)).getValue();
            assertNotNull(value, () -> method + " " + path + " has the example " + name);
            JsonValue body;
            try (var reader = Json.createReader(new StringReader(value.toString()))) {
                body = reader.readValue();
            }
            Map<String, java.util.Iterator<JsonValue>> next = new java.util.HashMap<>();
            replace.forEach((key, values) -> next.put(key, cycle(values)));
            String target = path;
            for (Map.Entry<String, Object> param : params.entrySet()) {
                target = target.replace("{" + param.getKey() + "}", String.valueOf(param.getValue()));
            }
            Api.Call call = path.startsWith("/api/v1/auth/") ? at(target)
                    : tenant.slug() == null ? at(target).token(tenant.ownerToken()) : tenant.call(target);
            if (path.equals("/api/v1/orders") || path.endsWith("/payments") || path.endsWith("/refunds")) {
                call.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
            }
            return call.send(method, replaced(body, next));
        }

        private static java.util.Iterator<JsonValue> cycle(List<JsonValue> values) {
            return java.util.stream.Stream.iterate(0, i -> (i + 1) % values.size()).map(values::get).iterator();
        }

        /** The value with every member named in {@code next} given that key's next value, at any depth. */
        private static JsonValue replaced(JsonValue value, Map<String, java.util.Iterator<JsonValue>> next) {
            if (value instanceof JsonObject object) {
                JsonObjectBuilder copy = Json.createObjectBuilder();
                object.forEach((key, member) -> copy.add(key, next.containsKey(key) && !(member instanceof JsonArray array
                        && !array.isEmpty() && array.get(0) instanceof JsonObject) ? replacedMember(member, next.get(key))
                        : replaced(member, next)));
                return copy.build();
            }
            if (value instanceof JsonArray array) {
                JsonArrayBuilder copy = Json.createArrayBuilder();
                array.forEach(element -> copy.add(replaced(element, next)));
                return copy.build();
            }
            return value;
        }

        /** A scalar member takes the next value; an array of ids takes one for each of its elements. */
        private static JsonValue replacedMember(JsonValue member, java.util.Iterator<JsonValue> values) {
            if (member instanceof JsonArray array) {
                JsonArrayBuilder ids = Json.createArrayBuilder();
                array.forEach(element -> ids.add(values.next()));
                return ids.build();
            }
            return values.next();
        }
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
