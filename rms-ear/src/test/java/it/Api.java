package it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small black-box client of the running server: JSON in and out, no server classes. */
public final class Api {

    public static final String BASE = "http://localhost:" + System.getProperty("rms.http.port", "9080");
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static String adminPassword;
    private static volatile boolean ready;

    private Api() {
    }

    /**
     * Waits until the application reports ready: the server can be up while the application still
     * migrates and seeds, and a test must not mistake that for a failure.
     */
    public static void awaitReady() {
        if (ready) {
            return;
        }
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the server did not become ready within 180 s");
    }

    /** A response with its status, headers and parsed JSON body (if any). */
    public record Reply(int status, HttpResponse<String> raw) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.read();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        /** The problem kind of a problem+json answer. */
        public String kind() {
            String type = json().getString("type");
            return type.substring(type.lastIndexOf(':') + 1);
        }

        public List<JsonObject> items() {
            List<JsonObject> out = new ArrayList<>();
            json().getJsonArray("items").forEach(v -> out.add(v.asJsonObject()));
            return out;
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** A request being built: method, path, token, tenant header, body. */
    public static final class Call {
        private final HttpRequest.Builder builder;
        private String method = "GET";
        private String body;

        private Call(String path) {
            builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                    .timeout(Duration.ofSeconds(30));
        }

        public Call token(String token) {
            builder.header("Authorization", "Bearer " + token);
            return this;
        }

        public Call tenant(String tenant) {
            builder.header("X-Tenant-ID", tenant);
            return this;
        }

        public Call header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Reply get() {
            return send("GET", null);
        }

        public Reply delete() {
            return send("DELETE", null);
        }

        public Reply post(Object json) {
            return send("POST", json);
        }

        public Reply put(Object json) {
            return send("PUT", json);
        }

        public Reply send(String method, Object json) {
            this.method = method;
            this.body = json == null ? null : json.toString();
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            try {
                HttpResponse<String> response = HTTP.send(builder.method(this.method, publisher).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response);
            } catch (IOException e) {
                throw new IllegalStateException(method + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static Call at(String path) {
        awaitReady();
        return new Call(path);
    }

    public static JsonObject obj(Object... keyValues) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            Object v = keyValues[i + 1];
            if (v == null) {
                b.addNull(key);
            } else if (v instanceof JsonValue j) {
                b.add(key, j);
            } else if (v instanceof String s) {
                b.add(key, s);
            } else if (v instanceof Integer n) {
                b.add(key, n);
            } else if (v instanceof Long n) {
                b.add(key, n);
            } else if (v instanceof Boolean x) {
                b.add(key, x);
            } else if (v instanceof java.math.BigDecimal d) {
                b.add(key, d);
            } else if (v instanceof List<?> list) {
                var arr = Json.createArrayBuilder();
                list.forEach(item -> {
                    if (item instanceof Long l) {
                        arr.add(l);
                    } else if (item instanceof Integer n) {
                        arr.add(n);
                    } else {
                        arr.add(String.valueOf(item));
                    }
                });
                b.add(key, arr);
            } else {
                throw new IllegalArgumentException("unsupported " + v.getClass());
            }
        }
        return b.build();
    }

    /** The platform admin's password: RMS_ADMIN_PASSWORD, or the one the server printed on first start. */
    public static synchronized String adminPassword() {
        if (adminPassword == null) {
            String env = System.getenv("RMS_ADMIN_PASSWORD");
            if (env != null && !env.isBlank()) {
                adminPassword = env;
            } else {
                Path log = Path.of(System.getProperty("rms.server.dir", "target/liberty/wlp/usr/servers/rms"),
                        "logs", "messages.log");
                try {
                    Matcher m = Pattern.compile("Generated platform administrator: user 'admin', password '([^']+)'")
                            .matcher(Files.readString(log));
                    if (!m.find()) {
                        throw new IllegalStateException("no generated admin password in " + log);
                    }
                    adminPassword = m.group(1);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return adminPassword;
    }

    public static String login(String tenant, String username, String password) {
        Reply reply = at("/api/v1/auth/token").post(tenant == null ? obj("username", username, "password", password)
                : obj("tenant", tenant, "username", username, "password", password));
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + "@" + tenant + " failed: " + reply);
        }
        return reply.json().getString("access_token");
    }

    public static String adminToken() {
        return login(null, "admin", adminPassword());
    }

    /** A freshly provisioned tenant with its owner signed in. */
    public record TestTenant(String slug, String ownerToken) {
        public Call call(String path) {
            return at(path).token(ownerToken).tenant(slug);
        }
    }

    public static TestTenant newTenant(String prefix) {
        return newTenant(prefix, null);
    }

    public static TestTenant newTenant(String prefix, Integer rateLimitRps) {
        String slug = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        JsonObject body = obj("slug", slug, "name", "Chain " + slug, "currency", "EUR", "timezone", "Europe/Berlin",
                "rateLimitRps", rateLimitRps,
                "owner", obj("username", "boss", "password", "boss-password", "displayName", "The Boss"));
        Reply reply = at("/api/v1/tenants").token(adminToken()).post(body);
        if (reply.status() != 201) {
            throw new IllegalStateException("provisioning " + slug + " failed: " + reply);
        }
        return new TestTenant(slug, login(slug, "boss", "boss-password"));
    }

    public static JsonObject createOutlet(TestTenant t, String name) {
        Reply reply = t.call("/api/v1/outlets").post(obj("name", name, "address", "Main St 1",
                "timezone", "Europe/Berlin", "currency", "EUR"));
        if (reply.status() != 201) {
            throw new IllegalStateException("creating outlet failed: " + reply);
        }
        return reply.json();
    }
}
