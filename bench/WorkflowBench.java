import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order-to-payment workflow under load, JDK only (run with {@code java bench/WorkflowBench.java}):
 * each worker creates an order (2 lines, one with a modifier) in one of several tenants and pays it
 * by sandbox card; the server deducts stock, records the sale and credits loyalty through JMS.
 *
 * <pre>
 * setup  BASE ADMIN_PASSWORD TENANTS STATE_FILE          provisions the tenants (menu, recipes, stock)
 * load   BASE STATE_FILE CONNS SECONDS OUT_FILE          sustained orders/s, p50/p99 per call, side-effect lag
 * crash  BASE STATE_FILE CONNS SECONDS LEDGER_FILE       the same load, appending every acknowledged
 *                                                        order (and every in-flight request) to a ledger,
 *                                                        until the server dies under it
 * verify BASE STATE_FILE LEDGER_FILE OUT_FILE            after a restart: retries what was in flight with
 *                                                        its Idempotency-Key, then checks every acknowledged
 *                                                        order is complete and its side effects applied once
 * </pre>
 */
public class WorkflowBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    record Tenant(String slug, String token, long outlet, long burger, long cheese, long lemonade, long beef) {
        String line() {
            return slug + " " + token + " " + outlet + " " + burger + " " + cheese + " " + lemonade + " " + beef;
        }

        static Tenant parse(String line) {
            String[] f = line.split(" ");
            return new Tenant(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]));
        }
    }

    record Reply(int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        base = args[1];
        switch (args[0]) {
            case "setup" -> setup(args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "load" -> load(tenants(Path.of(args[2])), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]), null);
            case "crash" -> load(tenants(Path.of(args[2])), Integer.parseInt(args[3]), Integer.parseInt(args[4]), null,
                    Path.of(args[5]));
            case "verify" -> verify(tenants(Path.of(args[2])), Path.of(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---------------------------------------------------------------- setup

    static void setup(String adminPassword, int count, Path state) throws Exception {
        String admin = login(null, "admin", adminPassword);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String slug = "wf" + i + "_" + UUID.randomUUID().toString().substring(0, 8);
            expect(201, call("POST", "/api/v1/tenants", admin, null, null, "{\"slug\":\"" + slug + "\",\"name\":\"Bench "
                    + slug + "\",\"currency\":\"EUR\",\"timezone\":\"Europe/Berlin\",\"owner\":{\"username\":\"owner\","
                    + "\"password\":\"owner-password\",\"displayName\":\"Owner\"}}"));
            String t = login(slug, "owner", "owner-password");
            long outlet = id(expect(201, call("POST", "/api/v1/outlets", t, slug, null,
                    "{\"name\":\"Bench\",\"address\":\"1 Main St\",\"timezone\":\"Europe/Berlin\",\"currency\":\"EUR\"}")));
            long vat = id(expect(201, call("POST", "/api/v1/tax-rates", t, slug, null,
                    "{\"name\":\"VAT\",\"rate\":19,\"inclusive\":true}")));
            long cat = id(expect(201, call("POST", "/api/v1/menu/categories", t, slug, null, "{\"name\":\"Mains\"}")));
            String item = expect(201, call("POST", "/api/v1/menu/items", t, slug, null, "{\"sku\":\"BURGER\",\"name\":\"Burger\","
                    + "\"categoryId\":" + cat + ",\"price\":9.90,\"taxRateId\":" + vat + ",\"station\":\"GRILL\","
                    + "\"modifierGroups\":[{\"name\":\"Extras\",\"min\":0,\"max\":1,\"modifiers\":[{\"name\":\"Cheese\","
                    + "\"priceDelta\":1.00}]}]}")).body();
            long burger = Long.parseLong(field(item, "id"));
            Matcher m = Pattern.compile("\"modifiers\":\\[\\{\"id\":(\\d+)").matcher(item);
            m.find();
            long cheese = Long.parseLong(m.group(1));
            long lemonade = id(expect(201, call("POST", "/api/v1/menu/items", t, slug, null, "{\"sku\":\"LEMONADE\","
                    + "\"name\":\"Lemonade\",\"categoryId\":" + cat + ",\"price\":3.50,\"taxRateId\":" + vat
                    + ",\"station\":\"BAR\"}")));
            long beef = stock(t, slug, "BEEF", "kg");
            long cheeseStock = stock(t, slug, "CHEESE", "g");
            expect(200, call("PUT", "/api/v1/menu/items/" + burger + "/recipe", t, slug, null,
                    "[{\"stockItemId\":" + beef + ",\"quantity\":150,\"unit\":\"g\"}]"));
            expect(200, call("PUT", "/api/v1/menu/modifiers/" + cheese + "/recipe", t, slug, null,
                    "[{\"stockItemId\":" + cheeseStock + ",\"quantity\":20}]"));
            for (long s : List.of(beef, cheeseStock)) {
                expect(200, call("POST", "/api/v1/outlets/" + outlet + "/stock/adjustments", t, slug, null,
                        "{\"stockItemId\":" + s + ",\"counted\":9000000,\"reason\":\"COUNT\"}"));
            }
            lines.add(new Tenant(slug, t, outlet, burger, cheese, lemonade, beef).line());
        }
        Files.write(state, lines);
        System.out.println("provisioned " + count + " tenants into " + state);
    }

    static long stock(String t, String slug, String sku, String unit) throws Exception {
        return id(expect(201, call("POST", "/api/v1/inventory/items", t, slug, null, "{\"sku\":\"" + sku + "\",\"name\":\""
                + sku + "\",\"unit\":\"" + unit + "\",\"reorderLevel\":0,\"unitCost\":1.00}")));
    }

    // ---------------------------------------------------------------- load

    static void load(List<Tenant> tenants, int conns, int seconds, Path out, Path ledger) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> createTimes = Collections.synchronizedList(new ArrayList<>());
        List<long[]> payTimes = Collections.synchronizedList(new ArrayList<>());
        Map<Long, String> paidAt = new ConcurrentHashMap<>();
        Map<Long, Tenant> tenantOf = new ConcurrentHashMap<>();
        AtomicLong completed = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(conns);
        java.io.PrintWriter ledgerOut = ledger == null ? null
                : new java.io.PrintWriter(Files.newBufferedWriter(ledger), true);
        long started = System.nanoTime();
        for (int w = 0; w < conns; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long n = 0;
                try {
                    while (!stop.get()) {
                        Tenant t = tenants.get((int) ((worker + n++) % tenants.size()));
                        String orderKey = UUID.randomUUID().toString();
                        String body = "{\"outletId\":" + t.outlet() + ",\"channel\":\"TAKEAWAY\",\"lines\":["
                                + "{\"menuItemId\":" + t.burger() + ",\"quantity\":1,\"modifierIds\":[" + t.cheese() + "]},"
                                + "{\"menuItemId\":" + t.lemonade() + ",\"quantity\":2}]}";
                        if (ledgerOut != null) {
                            ledgerOut.println("create-sent " + t.slug() + " " + orderKey);
                        }
                        long t0 = System.nanoTime();
                        Reply created = call("POST", "/api/v1/orders", t.token(), t.slug(), orderKey, body);
                        long t1 = System.nanoTime();
                        if (created.status() != 201) {
                            errors.computeIfAbsent("create " + created.status(), k -> new AtomicLong()).incrementAndGet();
                            continue;
                        }
                        createTimes.add(new long[] {t1 - t0});
                        long orderId = id(created);
                        String balance = field(created.body(), "balance");
                        String payKey = UUID.randomUUID().toString();
                        if (ledgerOut != null) {
                            ledgerOut.println("created " + t.slug() + " " + orderId + " " + orderKey);
                            ledgerOut.println("pay-sent " + t.slug() + " " + orderId + " " + payKey + " " + balance);
                        }
                        long t2 = System.nanoTime();
                        Reply paid = call("POST", "/api/v1/orders/" + orderId + "/payments", t.token(), t.slug(), payKey,
                                "{\"method\":\"CARD\",\"amount\":" + balance + ",\"cardToken\":\"tok_visa\"}");
                        long t3 = System.nanoTime();
                        if (paid.status() != 201 || !paid.body().contains("\"orderStatus\":\"COMPLETED\"")) {
                            errors.computeIfAbsent("pay " + paid.status(), k -> new AtomicLong()).incrementAndGet();
                            continue;
                        }
                        payTimes.add(new long[] {t3 - t2});
                        completed.incrementAndGet();
                        if (ledgerOut != null) {
                            ledgerOut.println("completed " + t.slug() + " " + orderId);
                        } else if (orderId % 10 == 0) {
                            paidAt.put(orderId, field(paid.body(), "createdAt"));
                            tenantOf.put(orderId, t);
                        }
                    }
                } catch (Exception e) {
                    errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    if (ledgerOut == null) {
                        e.printStackTrace();
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline && done.getCount() > 0) {
            Thread.sleep(100);
        }
        stop.set(true);
        done.await(30, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (ledgerOut != null) {
            ledgerOut.close();
            System.out.println("crash load: " + completed.get() + " orders completed and acknowledged in "
                    + String.format("%.1f", elapsed) + " s; failures " + errors);
            return;
        }
        // side-effect lag: server time of the SALE movement minus server time of the payment, sampled
        Thread.sleep(5000);
        List<Long> lags = new ArrayList<>();
        Map<Tenant, Map<String, String>> movementTimes = new HashMap<>();
        for (Tenant t : tenants) {
            movementTimes.put(t, saleMovementTimes(t));
        }
        int missing = 0;
        for (Map.Entry<Long, String> e : paidAt.entrySet()) {
            String at = movementTimes.get(tenantOf.get(e.getKey())).get("order-" + e.getKey());
            if (at == null) {
                missing++;
                continue;
            }
            lags.add(Duration.between(OffsetDateTime.parse(e.getValue()), OffsetDateTime.parse(at)).toMillis());
        }
        String summary = String.format("| %d | %d | %.0f | %s | %s | %s | %s | %s |", conns, tenants.size(),
                completed.get() / elapsed, pct(createTimes, 50), pct(createTimes, 99), pct(payTimes, 50), pct(payTimes, 99),
                lagSummary(lags, missing, paidAt.size()))
                + (errors.isEmpty() ? "" : " failures: " + errors);
        System.out.println(summary);
        Files.writeString(out, summary + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    static String lagSummary(List<Long> lags, int missing, int sampled) {
        if (lags.isEmpty()) {
            return "n/a (" + missing + " of " + sampled + " not deducted)";
        }
        Collections.sort(lags);
        return "p50 " + lags.get(lags.size() / 2) + " ms, p99 " + lags.get(Math.min(lags.size() - 1, (int) (lags.size() * 0.99)))
                + " ms (" + lags.size() + " sampled" + (missing > 0 ? ", " + missing + " not yet deducted" : "") + ")";
    }

    static String pct(List<long[]> nanos, int p) {
        if (nanos.isEmpty()) {
            return "-";
        }
        long[] sorted = nanos.stream().mapToLong(a -> a[0]).sorted().toArray();
        return String.format("%.1f ms", sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))] / 1e6);
    }

    /** reference -> time of the tenant's beef SALE movements. */
    static Map<String, String> saleMovementTimes(Tenant t) throws Exception {
        Map<String, String> times = new HashMap<>();
        for (int page = 0; page < 5000; page++) {
            List<Map<String, String>> movements = movements(t, page);
            if (movements.isEmpty()) {
                break;
            }
            for (Map<String, String> m : movements) {
                if ("SALE".equals(m.get("reason")) && m.get("reference") != null) {
                    times.putIfAbsent(m.get("reference"), m.get("at"));
                }
            }
        }
        return times;
    }

    /** One page of the tenant's beef movements, each as its flat string fields. */
    static List<Map<String, String>> movements(Tenant t, int page) throws Exception {
        Reply r = expect(200, call("GET", "/api/v1/outlets/" + t.outlet() + "/stock/movements?stockItemId=" + t.beef()
                + "&size=500&page=" + page, t.token(), t.slug(), null, null));
        List<Map<String, String>> list = new ArrayList<>();
        Matcher object = Pattern.compile("\\{[^{}]*\\}").matcher(r.body());
        Pattern field = Pattern.compile("\"(\\w+)\":\"?([^\",}]*)");
        while (object.find()) {
            Map<String, String> fields = new HashMap<>();
            Matcher f = field.matcher(object.group());
            while (f.find()) {
                fields.put(f.group(1), f.group(2));
            }
            if (fields.containsKey("reason")) {
                list.add(fields);
            }
        }
        return list;
    }

    // ---------------------------------------------------------------- verify after a crash

    static void verify(List<Tenant> tenants, Path ledger, Path out) throws Exception {
        Map<String, Tenant> bySlug = new HashMap<>();
        tenants.forEach(t -> bySlug.put(t.slug(), t));
        Map<String, String> createSent = new HashMap<>();   // order key -> slug, until created
        Map<Long, String[]> paySent = new HashMap<>();       // order id -> slug, key, amount, until completed
        Map<Long, String> acknowledged = new HashMap<>();    // order id -> slug
        for (String line : Files.readAllLines(ledger)) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "create-sent" -> createSent.put(f[2], f[1]);
                case "created" -> createSent.remove(f[3]);
                case "pay-sent" -> paySent.put(Long.parseLong(f[2]), new String[] {f[1], f[3], f[4]});
                case "completed" -> {
                    paySent.remove(Long.parseLong(f[2]));
                    acknowledged.put(Long.parseLong(f[2]), f[1]);
                }
                default -> { }
            }
        }
        List<String> problems = new ArrayList<>();
        // 1. every payment in flight at the crash, retried with its key: one charge, the order completes
        int retriedPayments = 0;
        for (Map.Entry<Long, String[]> e : paySent.entrySet()) {
            Tenant t = bySlug.get(e.getValue()[0]);
            Reply r = call("POST", "/api/v1/orders/" + e.getKey() + "/payments", t.token(), t.slug(), e.getValue()[1],
                    "{\"method\":\"CARD\",\"amount\":" + e.getValue()[2] + ",\"cardToken\":\"tok_visa\"}");
            for (int i = 0; i < 40 && r.status() == 409; i++) {
                Thread.sleep(1000);
                r = call("POST", "/api/v1/orders/" + e.getKey() + "/payments", t.token(), t.slug(), e.getValue()[1],
                        "{\"method\":\"CARD\",\"amount\":" + e.getValue()[2] + ",\"cardToken\":\"tok_visa\"}");
            }
            if (r.status() != 201) {
                problems.add("retrying the payment of order " + e.getKey() + " answered " + r.status() + " " + r.body());
            } else {
                retriedPayments++;
                acknowledged.put(e.getKey(), t.slug());
            }
        }
        // 2. every order creation in flight, retried with its key: at most one order per key
        int retriedCreates = 0;
        for (Map.Entry<String, String> e : createSent.entrySet()) {
            Tenant t = bySlug.get(e.getValue());
            String body = "{\"outletId\":" + t.outlet() + ",\"channel\":\"TAKEAWAY\",\"lines\":["
                    + "{\"menuItemId\":" + t.burger() + ",\"quantity\":1,\"modifierIds\":[" + t.cheese() + "]},"
                    + "{\"menuItemId\":" + t.lemonade() + ",\"quantity\":2}]}";
            Reply r = call("POST", "/api/v1/orders", t.token(), t.slug(), e.getKey(), body);
            for (int i = 0; i < 40 && r.status() == 409; i++) {
                Thread.sleep(1000);
                r = call("POST", "/api/v1/orders", t.token(), t.slug(), e.getKey(), body);
            }
            if (r.status() != 201) {
                problems.add("retrying order key " + e.getKey() + " answered " + r.status());
            } else {
                retriedCreates++;
            }
        }
        // 3. every acknowledged order is completed, paid once, and its stock was deducted exactly once (eventually)
        int checked = 0;
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            Tenant t = bySlug.get(e.getValue());
            Reply order = call("GET", "/api/v1/orders/" + e.getKey(), t.token(), t.slug(), null, null);
            if (order.status() != 200 || !order.body().contains("\"status\":\"COMPLETED\"")) {
                problems.add("acknowledged order " + e.getKey() + " is not COMPLETED: " + order.status());
                continue;
            }
            long succeeded = Pattern.compile("\"status\":\"SUCCEEDED\"").matcher(order.body()).results().count();
            if (succeeded != 1) {
                problems.add("order " + e.getKey() + " has " + succeeded + " successful payments");
            }
            checked++;
        }
        long deadline = System.currentTimeMillis() + 120_000;
        Map<Long, Integer> deductions = new HashMap<>();
        while (true) {
            deductions.clear();
            for (Tenant t : tenants) {
                for (int page = 0; page < 5000; page++) {
                    List<Map<String, String>> movements = movements(t, page);
                    if (movements.isEmpty()) {
                        break;
                    }
                    for (Map<String, String> m : movements) {
                        String ref = m.get("reference");
                        if ("SALE".equals(m.get("reason")) && ref != null && ref.startsWith("order-")) {
                            deductions.merge(Long.parseLong(ref.substring(6)), 1, Integer::sum);
                        }
                    }
                }
            }
            boolean allThere = acknowledged.keySet().stream().allMatch(deductions::containsKey);
            if (allThere || System.currentTimeMillis() > deadline) {
                break;
            }
            Thread.sleep(2000);
        }
        long notDeducted = acknowledged.keySet().stream().filter(id -> !deductions.containsKey(id)).count();
        long twice = deductions.values().stream().filter(n -> n > 1).count();
        if (notDeducted > 0) {
            problems.add(notDeducted + " acknowledged orders have no stock deduction");
        }
        if (twice > 0) {
            problems.add(twice + " orders were deducted more than once");
        }
        String summary = "acknowledged orders checked: " + checked + " (of which " + retriedPayments
                + " payments were in flight at the kill and retried with their key); order creations in flight, retried: "
                + retriedCreates + "; stock deducted exactly once for every acknowledged order: "
                + (notDeducted == 0 && twice == 0) + "; problems: " + (problems.isEmpty() ? "none" : problems);
        System.out.println(summary);
        Files.writeString(out, summary + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- HTTP

    static List<Tenant> tenants(Path state) throws Exception {
        return Files.readAllLines(state).stream().filter(l -> !l.isBlank()).map(Tenant::parse).toList();
    }

    static String login(String tenant, String user, String password) throws Exception {
        String body = tenant == null ? "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"
                : "{\"tenant\":\"" + tenant + "\",\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return field(expect(200, call("POST", "/api/v1/auth/token", null, null, null, body)).body(), "access_token");
    }

    static Reply call(String method, String path, String token, String tenant, String idempotencyKey, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (tenant != null) {
            b.header("X-Tenant-ID", tenant);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    static Reply expect(int status, Reply r) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + r.status() + ": " + r.body());
        }
        return r;
    }

    static long id(Reply r) {
        return Long.parseLong(field(r.body(), "id"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
