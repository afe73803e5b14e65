import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The RMS load generator, JDK only (compiled by the bench scripts): tenants with outlets, a menu with
 * recipes and stock, an open cash drawer per outlet and loyalty customers; then orders of three lines
 * (a burger with cheese, fries, a lemonade), either created and paid by sandbox card in two calls or
 * sold in one quick sale paid in cash ({@code POST /orders} with a cash tender covering the total).
 *
 * <pre>
 * setup  BASE ADMIN_PASSWORD TENANTS STATE_FILE [OUTLETS [CUSTOMERS]]  provisions the tenants
 * bodies STATE_FILE OUT_FILE [COUNT]          quick-sale bodies of the first tenant, one a line (for wrk)
 * load   BASE STATE_FILE CONNS SECONDS OUT_FILE [KV_FILE [nolag]]
 *                                             create + card pay, closed loop: orders/s, p50/p99 per call,
 *                                             side-effect lag (sampled through the API unless nolag)
 * rate   BASE STATE_FILE RATE SECONDS KV_FILE  quick sales at a fixed rate (open loop: latency counted
 *                                             from when each request was due), orders/s, p50/p99/max
 * crash  BASE STATE_FILE CONNS SECONDS LEDGER_FILE
 *                                             the create + pay load, appending every acknowledged order
 *                                             (and every in-flight request) to a ledger, until the
 *                                             server dies under it
 * verify BASE STATE_FILE LEDGER_FILE OUT_FILE after a restart: retries what was in flight with its
 *                                             Idempotency-Key, then checks every acknowledged order is
 *                                             complete and its stock deducted once
 * chaos  BASE STATE_FILE CONNS SECONDS LEDGER_FILE
 *                                             quick sales from CONNS clients, each with its own key, every
 *                                             request and answer (status, ms, Retry-After) in a ledger
 * retry  BASE STATE_FILE LEDGER_FILE OUT_FILE every quick sale of the ledger without a final answer,
 *                                             retried with its own key until it has one; OUT_FILE gets the
 *                                             acknowledged orders ("ack SLUG ORDER KEY CUSTOMER|-")
 * </pre>
 *
 * Environment: BENCH_CUSTOMER_EVERY (4): every n-th quick sale names a customer (0: none).
 */
public class WorkflowBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(Long.parseLong(env("BENCH_REQUEST_TIMEOUT", "30")));
    static final int CUSTOMER_EVERY = Integer.parseInt(env("BENCH_CUSTOMER_EVERY", "4"));
    static String base;

    /** A provisioned tenant: its outlets, the three items (and the cheese modifier), beef, the order total. */
    record Tenant(String slug, String token, List<Long> outlets, long burger, long cheese, long lemonade, long fries,
            long beef, String total, List<Long> customers) {
        String line() {
            return String.join(" ", slug, token, join(outlets), String.valueOf(burger), String.valueOf(cheese),
                    String.valueOf(lemonade), String.valueOf(fries), String.valueOf(beef), total,
                    customers.isEmpty() ? "-" : join(customers));
        }

        static Tenant parse(String line) {
            String[] f = line.split(" ");
            return new Tenant(f[0], f[1], longs(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                    Long.parseLong(f[6]), Long.parseLong(f[7]), f[8], f[9].equals("-") ? List.of() : longs(f[9]));
        }

        long outlet(long n) {
            return outlets.get((int) (n % outlets.size()));
        }

        /** The customer of the n-th quick sale: every CUSTOMER_EVERY-th names one, in turn. */
        Long customer(long n) {
            if (CUSTOMER_EVERY <= 0 || customers.isEmpty() || n % CUSTOMER_EVERY != 0) {
                return null;
            }
            return customers.get((int) ((n / CUSTOMER_EVERY) % customers.size()));
        }

        /** The three lines every order of the benchmark has. */
        String lines() {
            return "\"lines\":[{\"menuItemId\":" + burger + ",\"quantity\":1,\"modifierIds\":[" + cheese + "]},"
                    + "{\"menuItemId\":" + fries + ",\"quantity\":1},{\"menuItemId\":" + lemonade + ",\"quantity\":1}]";
        }

        /** An order to be paid later (create + pay), at the n-th outlet. */
        String order(long n) {
            return "{\"outletId\":" + outlet(n) + ",\"channel\":\"TAKEAWAY\"," + lines() + "}";
        }

        /** The n-th quick sale: the order and one cash tender of its total. */
        String quickSale(long n) {
            Long customer = customer(n);
            return "{\"outletId\":" + outlet(n) + ",\"channel\":\"TAKEAWAY\","
                    + (customer == null ? "" : "\"customerId\":" + customer + ",") + lines()
                    + ",\"payments\":[{\"method\":\"CASH\",\"amount\":" + total + "}]}";
        }
    }

    record Reply(int status, String body, String retryAfter) {
        Reply(int status, String body) {
            this(status, body, null);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("bodies")) {
            bodies(tenants(Path.of(args[1])).get(0), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 240);
            return;
        }
        base = args[1];
        switch (args[0]) {
            case "setup" -> setup(args[2], Integer.parseInt(args[3]), Path.of(args[4]),
                    args.length > 5 ? Integer.parseInt(args[5]) : 1, args.length > 6 ? Integer.parseInt(args[6]) : 20);
            case "load" -> load(tenants(Path.of(args[2])), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]), null, args.length > 6 ? Path.of(args[6]) : null,
                    args.length > 7 && args[7].equals("nolag"));
            case "rate" -> rate(tenants(Path.of(args[2])), Double.parseDouble(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]));
            case "crash" -> load(tenants(Path.of(args[2])), Integer.parseInt(args[3]), Integer.parseInt(args[4]), null,
                    Path.of(args[5]), null, true);
            case "verify" -> verify(tenants(Path.of(args[2])), Path.of(args[3]), Path.of(args[4]));
            case "chaos" -> chaos(tenants(Path.of(args[2])), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]));
            case "retry" -> retry(tenants(Path.of(args[2])), Path.of(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---------------------------------------------------------------- setup

    static void setup(String adminPassword, int count, Path state, int outletCount, int customerCount) throws Exception {
        String admin = login(null, "admin", adminPassword);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String slug = "wf" + i + "_" + UUID.randomUUID().toString().substring(0, 8);
            expect(201, call("POST", "/api/v1/tenants", admin, null, null, "{\"slug\":\"" + slug + "\",\"name\":\"Bench "
                    + slug + "\",\"currency\":\"EUR\",\"timezone\":\"Europe/Berlin\",\"owner\":{\"username\":\"owner\","
                    + "\"password\":\"owner-password\",\"displayName\":\"Owner\"}}"));
            String t = login(slug, "owner", "owner-password");
            long vat = id(expect(201, call("POST", "/api/v1/tax-rates", t, slug, null,
                    "{\"name\":\"VAT\",\"rate\":19,\"inclusive\":true}")));
            long cat = id(expect(201, call("POST", "/api/v1/menu/categories", t, slug, null, "{\"name\":\"Mains\"}")));
            Map<String, Object> item = json(expect(201, call("POST", "/api/v1/menu/items", t, slug, null,
                    "{\"sku\":\"BURGER\",\"name\":\"Burger\",\"categoryId\":" + cat + ",\"price\":9.90,\"taxRateId\":" + vat
                    + ",\"station\":\"GRILL\",\"modifierGroups\":[{\"name\":\"Extras\",\"min\":0,\"max\":1,\"modifiers\":"
                    + "[{\"name\":\"Cheese\",\"priceDelta\":1.00}]}]}")).body());
            long burger = number(item.get("id"));
            long cheese = number(path(item, "modifierGroups", 0, "modifiers", 0, "id"));
            long fries = id(expect(201, call("POST", "/api/v1/menu/items", t, slug, null, "{\"sku\":\"FRIES\","
                    + "\"name\":\"Fries\",\"categoryId\":" + cat + ",\"price\":3.90,\"taxRateId\":" + vat
                    + ",\"station\":\"FRYER\"}")));
            long lemonade = id(expect(201, call("POST", "/api/v1/menu/items", t, slug, null, "{\"sku\":\"LEMONADE\","
                    + "\"name\":\"Lemonade\",\"categoryId\":" + cat + ",\"price\":3.50,\"taxRateId\":" + vat
                    + ",\"station\":\"BAR\"}")));
            long beef = stock(t, slug, "BEEF", "kg");
            long cheeseStock = stock(t, slug, "CHEESE", "g");
            long potato = stock(t, slug, "POTATO", "kg");
            expect(200, call("PUT", "/api/v1/menu/items/" + burger + "/recipe", t, slug, null,
                    "[{\"stockItemId\":" + beef + ",\"quantity\":150,\"unit\":\"g\"}]"));
            expect(200, call("PUT", "/api/v1/menu/modifiers/" + cheese + "/recipe", t, slug, null,
                    "[{\"stockItemId\":" + cheeseStock + ",\"quantity\":20}]"));
            expect(200, call("PUT", "/api/v1/menu/items/" + fries + "/recipe", t, slug, null,
                    "[{\"stockItemId\":" + potato + ",\"quantity\":200,\"unit\":\"g\"}]"));
            List<Long> outlets = new ArrayList<>();
            for (int o = 0; o < outletCount; o++) {
                long outlet = id(expect(201, call("POST", "/api/v1/outlets", t, slug, null, "{\"name\":\"Bench " + o
                        + "\",\"address\":\"" + (o + 1) + " Main St\",\"timezone\":\"Europe/Berlin\",\"currency\":\"EUR\"}")));
                for (long s : List.of(beef, cheeseStock, potato)) {
                    expect(200, call("POST", "/api/v1/outlets/" + outlet + "/stock/adjustments", t, slug, null,
                            "{\"stockItemId\":" + s + ",\"counted\":9000000,\"reason\":\"COUNT\"}"));
                }
                expect(201, call("POST", "/api/v1/outlets/" + outlet + "/cash-sessions", t, slug, null,
                        "{\"openingFloat\":100.00}"));
                outlets.add(outlet);
            }
            List<Long> customers = new ArrayList<>();
            for (int c = 0; c < customerCount; c++) {
                customers.add(id(expect(201, call("POST", "/api/v1/customers", t, slug, null, "{\"name\":\"Guest " + c
                        + "\",\"email\":\"guest" + c + "@" + slug.replace('_', '-') + ".example\"}"))));
            }
            // the total of the three lines, from the server: an order created and paid in cash once
            Tenant draft = new Tenant(slug, t, outlets, burger, cheese, lemonade, fries, beef, "0", customers);
            Map<String, Object> order = json(expect(201, call("POST", "/api/v1/orders", t, slug, UUID.randomUUID().toString(),
                    draft.order(0))).body());
            String total = String.valueOf(order.get("total"));
            expect(201, call("POST", "/api/v1/orders/" + order.get("id") + "/payments", t, slug, UUID.randomUUID().toString(),
                    "{\"method\":\"CASH\",\"amount\":" + total + "}"));
            Tenant tenant = new Tenant(slug, t, outlets, burger, cheese, lemonade, fries, beef, total, customers);
            Map<String, Object> sold = json(expect(201, call("POST", "/api/v1/orders", t, slug,
                    UUID.randomUUID().toString(), tenant.quickSale(0))).body());
            if (!"COMPLETED".equals(sold.get("status"))) {
                throw new IllegalStateException("a quick sale of " + total + " did not complete: " + sold);
            }
            lines.add(tenant.line());
        }
        Files.write(state, lines);
        System.out.println("provisioned " + count + " tenants (" + outletCount + " outlets, " + customerCount
                + " customers each) into " + state);
    }

    static long stock(String t, String slug, String sku, String unit) throws Exception {
        return id(expect(201, call("POST", "/api/v1/inventory/items", t, slug, null, "{\"sku\":\"" + sku + "\",\"name\":\""
                + sku + "\",\"unit\":\"" + unit + "\",\"reorderLevel\":0,\"unitCost\":1.00}")));
    }

    /** COUNT quick-sale bodies of the tenant, one a line: a cycle over its outlets and customers for wrk. */
    static void bodies(Tenant t, Path out, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            lines.add(t.quickSale(n));
        }
        Files.write(out, lines);
    }

    // ---------------------------------------------------------------- create + card pay, closed loop

    static void load(List<Tenant> tenants, int conns, int seconds, Path out, Path ledger, Path kv, boolean noLag)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> createTimes = Collections.synchronizedList(new ArrayList<>());
        List<Long> payTimes = Collections.synchronizedList(new ArrayList<>());
        Map<Long, String> paidAt = new ConcurrentHashMap<>();
        Map<Long, Tenant> tenantOf = new ConcurrentHashMap<>();
        AtomicLong completed = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(conns);
        PrintWriter ledgerOut = ledger == null ? null : new PrintWriter(Files.newBufferedWriter(ledger), true);
        long started = System.nanoTime();
        for (int w = 0; w < conns; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long n = 0;
                try {
                    while (!stop.get()) {
                        Tenant t = tenants.get((int) ((worker + n) % tenants.size()));
                        String body = t.order(worker + n++);
                        String orderKey = UUID.randomUUID().toString();
                        if (ledgerOut != null) {
                            ledgerOut.println("create-sent " + t.slug() + " " + orderKey + " " + b64(body));
                        }
                        long t0 = System.nanoTime();
                        Reply created = call("POST", "/api/v1/orders", t.token(), t.slug(), orderKey, body);
                        long t1 = System.nanoTime();
                        if (created.status() != 201) {
                            errors.computeIfAbsent("create " + created.status(), k -> new AtomicLong()).incrementAndGet();
                            continue;
                        }
                        createTimes.add(t1 - t0);
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
                        payTimes.add(t3 - t2);
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
                        System.err.println("worker " + worker + " stopped: " + e);
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
        done.await(30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (ledgerOut != null) {
            ledgerOut.close();
            System.out.println("crash load: " + completed.get() + " orders completed and acknowledged in "
                    + String.format("%.1f", elapsed) + " s; failures " + errors);
            return;
        }
        String lag = "not measured";
        if (!noLag) {
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
            lag = lagSummary(lags, missing, paidAt.size());
        }
        String summary = String.format("| %d | %d | %.0f | %s | %s | %s | %s | %s |", conns, tenants.size(),
                completed.get() / elapsed, pct(createTimes, 50), pct(createTimes, 99), pct(payTimes, 50), pct(payTimes, 99),
                lag) + (errors.isEmpty() ? "" : " failures: " + errors);
        System.out.println(summary);
        Files.writeString(out, summary + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (kv != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("conns", conns);
            values.put("orders_per_s", String.format("%.1f", completed.get() / elapsed));
            values.put("create_p50_ms", ms(createTimes, 50));
            values.put("create_p99_ms", ms(createTimes, 99));
            values.put("pay_p50_ms", ms(payTimes, 50));
            values.put("pay_p99_ms", ms(payTimes, 99));
            values.put("failures", errors.values().stream().mapToLong(AtomicLong::get).sum());
            values.put("failure_kinds", errors.isEmpty() ? "none" : kinds(errors));
            writeKv(kv, values);
        }
    }

    static String lagSummary(List<Long> lags, int missing, int sampled) {
        if (lags.isEmpty()) {
            return "n/a (" + missing + " of " + sampled + " not deducted)";
        }
        Collections.sort(lags);
        return "p50 " + lags.get(lags.size() / 2) + " ms, p99 " + lags.get(Math.min(lags.size() - 1, (int) (lags.size() * 0.99)))
                + " ms (" + lags.size() + " sampled" + (missing > 0 ? ", " + missing + " not yet deducted" : "") + ")";
    }

    static String pct(List<Long> nanos, int p) {
        String v = ms(nanos, p);
        return v.equals("-") ? v : v + " ms";
    }

    static String ms(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return "-";
        }
        long[] sorted;
        synchronized (nanos) {
            sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return String.format("%.1f", sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))] / 1e6);
    }

    static String kinds(Map<String, AtomicLong> counts) {
        return new TreeMap<>(counts).entrySet().stream().map(e -> e.getKey().replace(' ', '_') + ":" + e.getValue().get())
                .collect(Collectors.joining(","));
    }

    static void writeKv(Path kv, Map<String, Object> values) throws Exception {
        Files.write(kv, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** reference -> time of the tenant's beef SALE movements. */
    static Map<String, String> saleMovementTimes(Tenant t) throws Exception {
        Map<String, String> times = new HashMap<>();
        saleMovements(t, (reference, at) -> times.putIfAbsent(reference, at));
        return times;
    }

    /** Every SALE movement of the tenant's beef with a reference, at all its outlets, as (reference, at). */
    @SuppressWarnings("unchecked")
    static void saleMovements(Tenant t, java.util.function.BiConsumer<String, String> each) throws Exception {
        for (long outlet : t.outlets()) {
            for (int page = 0; page < 5000; page++) {
                Object body = parse(expect(200, call("GET", "/api/v1/outlets/" + outlet + "/stock/movements?stockItemId="
                        + t.beef() + "&size=500&page=" + page, t.token(), t.slug(), null, null)).body());
                Object items = body instanceof Map<?, ?> m ? m.get("items") : body;
                if (items == null || ((List<?>) items).isEmpty()) {
                    break;
                }
                for (Map<String, Object> m : (List<Map<String, Object>>) items) {
                    if ("SALE".equals(m.get("reason")) && m.get("reference") != null) {
                        each.accept((String) m.get("reference"), (String) m.get("at"));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- quick sales at a fixed rate

    /**
     * Quick sales at RATE per second for SECONDS, whatever the server's answers (open loop): each request
     * is due at start + n / RATE and its latency counts from then, so a server that falls behind shows
     * it in the latency instead of slowing the load down. Up to 512 requests are in flight.
     */
    static void rate(List<Tenant> tenants, double rate, int seconds, Path kv) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(512, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> service = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong late = new AtomicLong();
        long total = (long) Math.floor(rate * seconds);
        long period = (long) (1e9 / rate);
        Instant windowStart = Instant.now();
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + n * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -period) {
                late.incrementAndGet();
            }
            long i = n;
            pool.submit(() -> {
                Tenant t = tenants.get((int) (i % tenants.size()));
                long sent = System.nanoTime();
                String outcome;
                try {
                    Reply r = call("POST", "/api/v1/orders", t.token(), t.slug(), UUID.randomUUID().toString(),
                            t.quickSale(i / tenants.size()));
                    outcome = String.valueOf(r.status());
                    if (r.status() == 201 && !"COMPLETED".equals(json(r.body()).get("status"))) {
                        outcome = "201_not_completed";
                    }
                } catch (Exception e) {
                    outcome = e.getClass().getSimpleName();
                }
                long end = System.nanoTime();
                latencies.add(end - due);
                service.add(end - sent);
                statuses.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
            });
        }
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Instant windowEnd = Instant.now();
        long ok = statuses.getOrDefault("201", new AtomicLong()).get();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rate_target", String.format("%.1f", rate));
        values.put("sent", total);
        values.put("completed", ok);
        values.put("rate_achieved", String.format("%.1f", ok / elapsed));
        values.put("p50_ms", ms(latencies, 50));
        values.put("p99_ms", ms(latencies, 99));
        values.put("max_ms", ms(latencies, 100));
        values.put("service_p99_ms", ms(service, 99));
        values.put("not_201", total - ok);
        values.put("outcomes", kinds(statuses));
        values.put("sends_late_by_more_than_a_period", late.get());
        values.put("window_start", windowStart);
        values.put("window_end", windowEnd);
        writeKv(kv, values);
        System.out.println(values);
    }

    // ---------------------------------------------------------------- quick sales through a database outage

    /**
     * Quick sales from CONNS clients for SECONDS, each with a key of its own; the ledger gets, per
     * request, "sent KEY SLUG N EPOCH_MS" and then "answer KEY STATUS MS RETRY_AFTER|- ORDER|- STATUS|- EPOCH_MS"
     * or "noanswer KEY MS EXCEPTION EPOCH_MS". A client that gets no 201 waits 200 ms before its next sale.
     */
    static void chaos(List<Tenant> tenants, int conns, int seconds, Path ledger) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong counter = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch done = new CountDownLatch(conns);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(ledger), true)) {
            for (int w = 0; w < conns; w++) {
                Thread thread = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            long n = counter.getAndIncrement();
                            Tenant t = tenants.get((int) (n % tenants.size()));
                            long seq = n / tenants.size();
                            String key = "chaos-" + run + "-" + n;
                            long sentAt = System.currentTimeMillis();
                            synchronized (out) {
                                out.println("sent " + key + " " + t.slug() + " " + seq + " " + sentAt);
                            }
                            long t0 = System.nanoTime();
                            String line;
                            boolean ok = false;
                            try {
                                Reply r = call("POST", "/api/v1/orders", t.token(), t.slug(), key, t.quickSale(seq));
                                long ms = (System.nanoTime() - t0) / 1_000_000;
                                line = answerLine(key, r, ms);
                                ok = r.status() == 201;
                            } catch (Exception e) {
                                long ms = (System.nanoTime() - t0) / 1_000_000;
                                line = "noanswer " + key + " " + ms + " " + e.getClass().getSimpleName();
                            }
                            synchronized (out) {
                                out.println(line + " " + System.currentTimeMillis());
                            }
                            if (!ok) {
                                Thread.sleep(200);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
                thread.setDaemon(true);
                thread.start();
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            done.await(TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        }
        System.out.println("chaos load: " + counter.get() + " quick sales sent by " + conns + " clients");
    }

    static String answerLine(String key, Reply r, long ms) {
        String order = "-";
        String status = "-";
        try {
            Object body = parse(r.body());
            if (body instanceof Map<?, ?> m) {
                Object id = r.status() == 201 ? m.get("id") : m.get("orderId");
                order = id == null ? "-" : String.valueOf(number(id));
                status = m.get("status") instanceof String s && r.status() == 201 ? s : "-";
            }
        } catch (RuntimeException notJson) {
            // a body that is not JSON (a container's error page) carries neither
        }
        return "answer " + key + " " + r.status() + " " + ms + " " + (r.retryAfter() == null ? "-" : r.retryAfter())
                + " " + order + " " + status;
    }

    /** A final answer: the sale was made (201) or refused for good (a 4xx but 409 in flight and 429). */
    static boolean isFinal(int status) {
        return status == 201 || (status >= 400 && status < 500 && status != 409 && status != 429);
    }

    static void retry(List<Tenant> tenants, Path ledger, Path out) throws Exception {
        Map<String, Tenant> bySlug = new HashMap<>();
        tenants.forEach(t -> bySlug.put(t.slug(), t));
        Map<String, String[]> sent = new LinkedHashMap<>();   // key -> slug, seq
        Map<String, String[]> answer = new HashMap<>();       // key -> the answer's fields
        for (String line : Files.readAllLines(ledger)) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "sent" -> sent.put(f[1], new String[] {f[2], f[3]});
                case "answer" -> answer.put(f[1], f);
                default -> { }
            }
        }
        List<String> results = new ArrayList<>();
        Map<String, AtomicLong> retried = new TreeMap<>();
        int stillOpen = 0;
        for (Map.Entry<String, String[]> e : sent.entrySet()) {
            String key = e.getKey();
            Tenant t = bySlug.get(e.getValue()[0]);
            long seq = Long.parseLong(e.getValue()[1]);
            String[] a = answer.get(key);
            if (a != null && isFinal(Integer.parseInt(a[2]))) {
                if (a[2].equals("201")) {
                    results.add("ack " + t.slug() + " " + a[5] + " " + key + " " + nullable(t.customer(seq)) + " " + a[6]
                            + " load");
                } else {
                    results.add("refused " + t.slug() + " " + key + " " + a[2]);
                }
                continue;
            }
            Reply r = null;
            int attempts = 0;
            while (attempts < 90) {
                attempts++;
                try {
                    r = call("POST", "/api/v1/orders", t.token(), t.slug(), key, t.quickSale(seq));
                    if (isFinal(r.status())) {
                        break;
                    }
                } catch (Exception unanswered) {
                    r = null;
                }
                Thread.sleep(1000);
            }
            String first = a == null ? "none" : a[2];
            retried.computeIfAbsent(first + "->" + (r == null ? "none" : r.status()), k -> new AtomicLong())
                    .incrementAndGet();
            if (r != null && r.status() == 201) {
                Map<String, Object> order = json(r.body());
                String status = String.valueOf(order.get("status"));
                if (!"COMPLETED".equals(status)) {
                    stillOpen++;
                }
                results.add("ack " + t.slug() + " " + number(order.get("id")) + " " + key + " "
                        + nullable(t.customer(seq)) + " " + status + " retry");
            } else {
                results.add("unresolved " + t.slug() + " " + key + " " + (r == null ? "none" : r.status() + " "
                        + r.body().replaceAll("\\s+", " ")));
            }
        }
        Files.write(out, results);
        System.out.println("retried with their own key: " + retried + "; answered 201 but not COMPLETED: " + stillOpen);
    }

    static String nullable(Long value) {
        return value == null ? "-" : value.toString();
    }

    // ---------------------------------------------------------------- verify after a crash

    static void verify(List<Tenant> tenants, Path ledger, Path out) throws Exception {
        Map<String, Tenant> bySlug = new HashMap<>();
        tenants.forEach(t -> bySlug.put(t.slug(), t));
        Map<String, String[]> createSent = new HashMap<>();  // order key -> slug, body, until created
        Map<Long, String[]> paySent = new HashMap<>();       // order id -> slug, key, amount, until completed
        Map<Long, String> acknowledged = new HashMap<>();    // order id -> slug
        for (String line : Files.readAllLines(ledger)) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "create-sent" -> createSent.put(f[2], new String[] {f[1], unb64(f[3])});
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
            String body = "{\"method\":\"CARD\",\"amount\":" + e.getValue()[2] + ",\"cardToken\":\"tok_visa\"}";
            Reply r = call("POST", "/api/v1/orders/" + e.getKey() + "/payments", t.token(), t.slug(), e.getValue()[1], body);
            for (int i = 0; i < 40 && r.status() == 409; i++) {
                Thread.sleep(1000);
                r = call("POST", "/api/v1/orders/" + e.getKey() + "/payments", t.token(), t.slug(), e.getValue()[1], body);
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
        for (Map.Entry<String, String[]> e : createSent.entrySet()) {
            Tenant t = bySlug.get(e.getValue()[0]);
            String body = e.getValue()[1];
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
            if (order.status() != 200 || !"COMPLETED".equals(json(order.body()).get("status"))) {
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
                saleMovements(t, (ref, at) -> {
                    if (ref.startsWith("order-")) {
                        deductions.merge(Long.parseLong(ref.substring(6)), 1, Integer::sum);
                    }
                });
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
        Files.writeString(out, summary + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
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
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
    }

    static Reply expect(int status, Reply r) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + r.status() + ": " + r.body());
        }
        return r;
    }

    static long id(Reply r) {
        return number(json(r.body()).get("id"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> longs(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(Long::parseLong).toList();
    }

    static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String unb64(String s) {
        return new String(java.util.Base64.getDecoder().decode(s), java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- a minimal JSON reader (the JDK has none)

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        Object value = parse(text);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("not a JSON object: " + text);
        }
        return (Map<String, Object>) value;
    }

    static Object path(Object node, Object... steps) {
        for (Object step : steps) {
            node = step instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(step);
        }
        return node;
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

    static Object parse(String text) {
        int[] at = {0};
        Object value = value(text, at);
        skip(text, at);
        if (at[0] != text.length()) {
            throw new IllegalStateException("trailing text in JSON at " + at[0]);
        }
        return value;
    }

    private static void skip(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    private static Object value(String s, int[] at) {
        skip(s, at);
        char c = s.charAt(at[0]);
        if (c == '{') {
            Map<String, Object> map = new LinkedHashMap<>();
            at[0]++;
            skip(s, at);
            if (s.charAt(at[0]) == '}') {
                at[0]++;
                return map;
            }
            while (true) {
                skip(s, at);
                String key = string(s, at);
                skip(s, at);
                at[0]++; // ':'
                map.put(key, value(s, at));
                skip(s, at);
                if (s.charAt(at[0]++) == '}') {
                    return map;
                }
            }
        }
        if (c == '[') {
            List<Object> list = new ArrayList<>();
            at[0]++;
            skip(s, at);
            if (s.charAt(at[0]) == ']') {
                at[0]++;
                return list;
            }
            while (true) {
                list.add(value(s, at));
                skip(s, at);
                if (s.charAt(at[0]++) == ']') {
                    return list;
                }
            }
        }
        if (c == '"') {
            return string(s, at);
        }
        int start = at[0];
        while (at[0] < s.length() && ",}] \n\r\t".indexOf(s.charAt(at[0])) < 0) {
            at[0]++;
        }
        String word = s.substring(start, at[0]);
        return switch (word) {
            case "null" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> word.matches("-?\\d+") ? (Object) Long.parseLong(word) : new java.math.BigDecimal(word);
        };
    }

    private static String string(String s, int[] at) {
        StringBuilder b = new StringBuilder();
        at[0]++; // opening quote
        while (true) {
            char c = s.charAt(at[0]++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(at[0]++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(at[0], at[0] + 4), 16));
                        at[0] += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }
}
