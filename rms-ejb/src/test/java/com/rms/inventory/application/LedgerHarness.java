package com.rms.inventory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.events.Events;
import com.rms.testing.RecordingEvents;
import com.rms.platform.events.RmsEvent;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.tenant.TenantContext.Tenant;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import com.rms.testing.TenantDatabase;

/**
 * The stock port in process: an in-memory H2 configured as the server configures it, the real
 * Flyway migrations (control + tenant schemas), EclipseLink with the production tenant schema
 * listener, and the real application beans wired by hand. {@link #call} plays the container: one
 * EntityManager and one transaction per call, tenant and caller set on the thread, rollback on any
 * exception, events delivered only after commit.
 */
final class LedgerHarness extends TenantDatabase {

    static final Tenant ALPHA = Tenant.of("alpha");
    static final Tenant BETA = Tenant.of("beta");

    /** Events of committed transactions, in commit order (what after-commit observers would see). */
    final List<RmsEvent> delivered = Collections.synchronizedList(new ArrayList<>());

    /** The beans of one call, sharing its EntityManager as the container's transaction-scoped one. */
    record Beans(RecipeStock port, StockPostings postings, EntityManager em) {
    }

    LedgerHarness(Tenant... tenants) {
        super("ledger", tenants);
    }

    /** Runs {@code work} as the container would run a {@code @Transactional} call for {@code tenant} (null: none). */
    <T> T call(Tenant tenant, Function<Beans, T> work) {
        if (tenant != null) {
            TenantContext.set(tenant);
            CallerContext.set(Caller.system("pos", tenant.slug()));
        }
        EntityManager em = emf.createEntityManager();
        RecordingEvents events = new RecordingEvents();
        try {
            Beans beans = wire(em, events);
            em.getTransaction().begin();
            T result = work.apply(beans);
            em.getTransaction().commit();
            delivered.addAll(events.published);
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
            TenantContext.clear();
            CallerContext.clear();
        }
    }

    private static Beans wire(EntityManager em, Events events) {
        StockPostings postings = new StockPostings();
        postings.em = em;
        postings.events = events;
        OutletDirectory outlets = new OutletDirectory();
        inject(outlets, "em", em); // package-private in another package
        StockControl control = new StockControl();
        control.em = em;
        control.outlets = outlets;
        control.postings = postings;
        Recipes recipes = new Recipes();
        recipes.em = em;
        RecipeStock port = new RecipeStock();
        port.em = em;
        port.recipes = recipes;
        port.stock = control;
        port.postings = postings;
        return new Beans(port, postings, em);
    }

    Object single(Tenant tenant, String query) {
        return rows(tenant, query).get(0).get(0);
    }

    /** The on-hand of an item at an outlet, "none" if it never moved (plain SQL). */
    String onHand(Tenant tenant, long outletId, long stockItemId) {
        List<List<Object>> r = rows(tenant, "select on_hand from stock_level where outlet_id = " + outletId
                + " and stock_item_id = " + stockItemId);
        return r.isEmpty() ? "none" : (String) r.get(0).get(0);
    }

    String snapshot(Tenant tenant) {
        return rows(tenant, "select outlet_id, stock_item_id, on_hand, low from stock_level order by 1, 2")
                + " | " + rows(tenant, "select outlet_id, stock_item_id, reason, quantity, reference from stock_movement "
                        + "order by id")
                + " | " + rows(tenant, "select reference, kind, outlet_id from stock_order_posting order by 1, 2");
    }

    /** The ledger invariant: for every (outlet, item), on-hand equals the sum of its movements, and no movement lacks a level. */
    void assertLedgerBalances(Tenant tenant) {
        List<List<Object>> wrong = rows(tenant, "select l.outlet_id, l.stock_item_id, l.on_hand, "
                + "(select sum(m.quantity) from stock_movement m where m.outlet_id = l.outlet_id "
                + "and m.stock_item_id = l.stock_item_id) total from stock_level l "
                + "where coalesce((select sum(m.quantity) from stock_movement m where m.outlet_id = l.outlet_id "
                + "and m.stock_item_id = l.stock_item_id), 0) <> l.on_hand "
                + "union all select m.outlet_id, m.stock_item_id, null, sum(m.quantity) from stock_movement m "
                + "where not exists (select 1 from stock_level l where l.outlet_id = m.outlet_id "
                + "and l.stock_item_id = m.stock_item_id) group by m.outlet_id, m.stock_item_id");
        assertEquals(List.of(), wrong, "(outlet, item, on_hand, sum of movements) that disagree in " + tenant.schema());
    }

    // ---- a small kitchen ---------------------------------------------------------------------

    static final long MAIN = 1, SECOND = 2;
    /** Stock items: kg, each, kg, l (may go negative), kg with reorder level 1, each. */
    static final long BEEF = 10, BUN = 11, CHEESE = 12, SAUCE = 13, STEAK = 14, PATTY = 15;
    /** Menu items and modifiers. */
    static final long BURGER = 100, STEAK_PLATE = 110, SLIDER = 120, EXTRA_CHEESE = 201, DOUBLE_BEEF = 202;

    /**
     * The same rows (same ids) in any tenant. Burger = 150 g beef + 1 bun + 20 ml sauce; extra cheese
     * = 30 g cheese; double beef = 150 g beef; steak plate = 250 g steak; slider = 1 patty. Received
     * at MAIN through the real posting code: 5 kg beef, 20 buns, 1 kg cheese, 2 kg steak, 5 patties.
     */
    void seedKitchen(Tenant tenant) {
        String now = "current_timestamp";
        sql(tenant,
                "insert into outlet (id, name, timezone, currency, created_at, updated_at) values "
                        + "(1, 'Main', 'UTC', 'EUR', " + now + ", " + now + "), (2, 'Second', 'UTC', 'EUR', " + now + ", " + now + ")",
                "insert into tax_rate (id, name, rate, inclusive, created_at, updated_at) values (1, 'VAT', 10, true, " + now + ", " + now + ")",
                "insert into menu_category (id, name, created_at, updated_at) values (1, 'Mains', " + now + ", " + now + ")",
                "insert into menu_item (id, sku, name, category_id, price, tax_rate_id, station, created_at, updated_at) values "
                        + "(100, 'BURGER', 'Burger', 1, 9.50, 1, 'grill', " + now + ", " + now + "), "
                        + "(110, 'STEAK', 'Steak plate', 1, 21.00, 1, 'grill', " + now + ", " + now + "), "
                        + "(120, 'SLIDER', 'Slider', 1, 3.00, 1, 'grill', " + now + ", " + now + ")",
                "insert into modifier_group (id, item_id, name, min_choices, max_choices, sort_order) values (200, 100, 'Extras', 0, 2, 0)",
                "insert into modifier (id, group_id, name, price_delta, sort_order) values "
                        + "(201, 200, 'Extra cheese', 1.00, 0), (202, 200, 'Double beef', 3.00, 1)",
                "insert into stock_item (id, sku, name, unit, reorder_level, unit_cost, average_cost, allow_negative, created_at, updated_at) values "
                        + "(10, 'BEEF', 'Beef mince', 'KG', 0, 9, 9, false, " + now + ", " + now + "), "
                        + "(11, 'BUN', 'Bun', 'EACH', 0, 0.3, 0.3, false, " + now + ", " + now + "), "
                        + "(12, 'CHEESE', 'Cheddar', 'KG', 0, 12, 12, false, " + now + ", " + now + "), "
                        + "(13, 'SAUCE', 'Burger sauce', 'L', 0, 4, 4, true, " + now + ", " + now + "), "
                        + "(14, 'STEAK', 'Sirloin', 'KG', 1, 30, 30, false, " + now + ", " + now + "), "
                        + "(15, 'PATTY', 'Slider patty', 'EACH', 0, 1, 1, false, " + now + ", " + now + ")",
                "insert into recipe_line (id, target_kind, target_id, stock_item_id, quantity, unit, line_no, created_at, updated_at) values "
                        + "(300, 'ITEM', 100, 10, 150, 'G', 0, " + now + ", " + now + "), "
                        + "(301, 'ITEM', 100, 11, 1, 'EACH', 1, " + now + ", " + now + "), "
                        + "(302, 'ITEM', 100, 13, 20, 'ML', 2, " + now + ", " + now + "), "
                        + "(303, 'MODIFIER', 201, 12, 30, 'G', 0, " + now + ", " + now + "), "
                        + "(304, 'MODIFIER', 202, 10, 150, 'G', 0, " + now + ", " + now + "), "
                        + "(305, 'ITEM', 110, 14, 250, 'G', 0, " + now + ", " + now + "), "
                        + "(306, 'ITEM', 120, 15, 1, 'EACH', 0, " + now + ", " + now + ")");
        receive(tenant, MAIN, BEEF, "5");
        receive(tenant, MAIN, BUN, "20");
        receive(tenant, MAIN, CHEESE, "1");
        receive(tenant, MAIN, STEAK, "2");
        receive(tenant, MAIN, PATTY, "5");
    }

    /** Stock in through the real posting code (a PURCHASE movement), so the ledger explains it. */
    void receive(Tenant tenant, long outletId, long stockItemId, String quantity) {
        call(tenant, b -> b.postings().post(List.of(Posting.receipt(outletId, stockItemId, new BigDecimal(quantity),
                BigDecimal.ONE, "receipt:" + UUID.randomUUID()))));
    }

    /**
     * Runs {@code attempts} at once, each on its own thread, released together; tallies how they
     * ended: the attempt's answer as text, or the class of the exception it threw.
     */
    static Map<String, Integer> race(int threads, IntFunction<Supplier<Object>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Supplier<Object> attempt = attempts.apply(i);
                runs.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return String.valueOf(attempt.get());
                    } catch (RuntimeException e) {
                        return e.getClass().getSimpleName();
                    }
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            Map<String, Integer> tally = new TreeMap<>();
            for (Future<String> run : runs) {
                tally.merge(run.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return tally;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
