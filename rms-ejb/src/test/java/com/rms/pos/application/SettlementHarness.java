package com.rms.pos.application;

import com.rms.inventory.application.RecipeStock;
import com.rms.inventory.application.Recipes;
import com.rms.inventory.application.StockControl;
import com.rms.inventory.application.StockPostings;
import com.rms.menu.application.OutletMenus;
import com.rms.payment.application.Payments;
import com.rms.payment.provider.CardCharge;
import com.rms.payment.provider.CardGateway;
import com.rms.payment.provider.ChargeRequest;
import com.rms.platform.events.Events;
import com.rms.platform.events.RmsEvent;
import com.rms.platform.idempotency.Answer;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.idempotency.IdempotentCalls;
import com.rms.platform.idempotency.Keyed;
import com.rms.platform.idempotency.Replay;
import com.rms.platform.messaging.ProcessedEvents;
import com.rms.platform.outbox.Outbox;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext.Tenant;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.testing.BeanValidation;
import com.rms.testing.InProcessTransactions;
import com.rms.testing.TenantDatabase;
import jakarta.enterprise.event.Event;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The order path in process: an in-memory H2 set up as the server's (real migrations, EclipseLink
 * with the tenant schema listener), the real settlement, order, payment, stock, outbox and
 * idempotency beans wired by hand, and {@link InProcessTransactions} playing the container's
 * {@code @Transactional} interceptors on exactly the methods that carry them, so what the test counts
 * (commits, round trips) is what the server's database sees. Each {@link Server} has its own
 * in-memory registry of keys in flight, as each Liberty server has.
 */
final class SettlementHarness extends TenantDatabase {

    static final Tenant ALPHA = Tenant.of("alpha");
    static final long OUTLET = 1;
    static final long BURGER = 100;
    static final long FRIES = 110;
    static final long COLA = 120;
    static final long BEEF = 10;

    final InProcessTransactions tx;
    /** What the tenant's sockets heard, in commit order. */
    final List<RmsEvent> announced = Collections.synchronizedList(new ArrayList<>());

    SettlementHarness() {
        this(new InProcessTransactions());
    }

    private SettlementHarness(InProcessTransactions tx) {
        super("settle", tx::counting, ALPHA);
        this.tx = tx;
        tx.use(emf);
        seed();
    }

    /** The card provider of a server: approves, declines, or is down, as the test says. */
    static final class Provider extends CardGateway {
        volatile Function<ChargeRequest, CardCharge> answer = r -> CardCharge.approved("ch_" + r.idempotencyKey());
        final List<ChargeRequest> charges = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CardCharge charge(ChargeRequest request) {
            charges.add(request);
            return answer.apply(request);
        }
    }

    /** One server's beans. */
    final class Server {
        final IdempotencyKeys keys;
        final Settlement settlement;
        final QuickSales quickSales;
        final OrderQueries queries;
        final Provider provider = new Provider();

        Server() {
            EntityManager em = tx.entityManager();
            Validation validation = BeanValidation.validation();
            Events events = new Events() {
                @Override
                public void publish(Long outletId, String type, JsonObject data) {
                    RmsEvent event = new RmsEvent(TenantContext.require().slug(), outletId, type,
                            OffsetDateTime.now(ZoneOffset.UTC), data);
                    tx.afterCommit(() -> announced.add(event));
                }
            };
            OutletDirectory outlets = new OutletDirectory();
            inject(outlets, "em", em);
            inject(outlets, "validation", validation);
            inject(outlets, "events", events);
            OutletMenus menus = new OutletMenus();
            inject(menus, "em", em);
            inject(menus, "outlets", outlets);
            inject(menus, "validation", validation);
            Recipes recipes = new Recipes();
            inject(recipes, "em", em);
            inject(recipes, "validation", validation);
            StockPostings postings = new StockPostings();
            inject(postings, "em", em);
            inject(postings, "events", events);
            StockControl control = new StockControl();
            inject(control, "em", em);
            inject(control, "validation", validation);
            inject(control, "outlets", outlets);
            inject(control, "postings", postings);
            RecipeStock recipeStock = new RecipeStock();
            inject(recipeStock, "em", em);
            inject(recipeStock, "recipes", recipes);
            inject(recipeStock, "stock", control);
            inject(recipeStock, "postings", postings);
            Outbox outbox = new Outbox();
            inject(outbox, "em", em);
            inject(outbox, "written", noEvents());
            OrderEvents orderEvents = new OrderEvents();
            orderEvents.events = events;
            orderEvents.outbox = outbox;
            ProcessedEvents processed = new ProcessedEvents();
            inject(processed, "em", em);
            OrderTables tables = new OrderTables();
            tables.em = em;
            tables.outlets = outlets;
            Completions completions = new Completions();
            completions.em = em;
            completions.processed = processed;
            completions.events = orderEvents;
            completions.tables = tables;
            Payments payments = new Payments();
            inject(payments, "em", em);
            inject(payments, "cards", provider);
            CashDrawer drawer = new CashDrawer();
            drawer.em = em;
            drawer.outlets = outlets;
            drawer.payments = payments;
            OrderStock stock = new OrderStock();
            stock.stock = recipeStock;
            Tenders tenders = new Tenders() {
                @Override
                public void abandon(long paymentId, Attempt attempt) {
                    tx.required(() -> super.abandon(paymentId, attempt));
                }
            };
            tenders.payments = payments;
            tenders.drawer = drawer;
            tenders.stock = stock;
            tenders.completions = completions;
            queries = new OrderQueries();
            queries.em = em;
            queries.payments = payments;
            OrderLocks locks = new OrderLocks();
            locks.em = em;
            locks.queries = queries;
            keys = new IdempotencyKeys() {
                @Override
                public void settleFailure(Attempt attempt, int status, String body) {
                    tx.requiresNew(() -> {
                        super.settleFailure(attempt, status, body);
                        return null;
                    });
                }

                @Override
                public Replay afterFailure(Attempt attempt) {
                    return tx.requiresNew(() -> super.afterFailure(attempt));
                }
            };
            inject(keys, "em", em);
            inject(keys, "self", keys);
            Orders orders = new Orders() {
                @Override
                public OrderView create(CreateOrderCommand command, Attempt attempt) {
                    return tx.required(() -> super.create(command, attempt));
                }
            };
            orders.em = em;
            orders.menus = menus;
            orders.outlets = outlets;
            orders.stock = stock;
            orders.payments = payments;
            orders.events = orderEvents;
            orders.queries = queries;
            orders.locks = locks;
            orders.completions = completions;
            orders.tables = tables;
            orders.validation = validation;
            orders.keys = keys;
            orders.approvalPercent = BigDecimal.TEN;
            tenders.keys = keys;
            settlement = new TransactionalSettlement();
            settlement.em = em;
            settlement.self = settlement;
            settlement.orders = orders;
            settlement.queries = queries;
            settlement.locks = locks;
            settlement.events = orderEvents;
            settlement.stock = stock;
            settlement.tenders = tenders;
            settlement.payments = payments;
            settlement.completions = completions;
            settlement.keys = keys;
            settlement.validation = validation;
            quickSales = new TransactionalQuickSales();
            quickSales.em = em;
            quickSales.self = quickSales;
            quickSales.orders = orders;
            quickSales.queries = queries;
            quickSales.locks = locks;
            quickSales.events = orderEvents;
            quickSales.tenders = tenders;
            quickSales.payments = payments;
            quickSales.keys = keys;
        }

        /** {@code POST /orders} as the edge runs it: under the key, re-checking a replay by reading its order. */
        Answer<OrderView> create(String key, CreateOrderCommand command) {
            return keys.once(key, IdempotencyKeys.fingerprint(Settlement.createOperation(), command),
                    IdempotentCalls::problemDocument, new Keyed<>() {
                        @Override
                        public OrderView run(Attempt attempt) {
                            return quickSales.create(command, attempt);
                        }

                        @Override
                        public void recheck(Replay stored, Long resume) {
                            Long order = resume != null ? resume : storedId(stored);
                            if (order != null) {
                                tx.required(() -> queries.get(order));
                            }
                        }
                    });
        }

        /** {@code POST /orders/{id}/payments} as the edge runs it. */
        Answer<PaymentResult> pay(String key, long orderId, TenderCommand command) {
            return keys.once(key, IdempotencyKeys.fingerprint(Settlement.payOperation(orderId), command),
                    IdempotentCalls::problemDocument, new Keyed<>() {
                        @Override
                        public PaymentResult run(Attempt attempt) {
                            return settlement.pay(orderId, command, attempt);
                        }

                        @Override
                        public void recheck(Replay stored, Long resume) {
                            tx.required(() -> queries.get(orderId));
                        }
                    });
        }

        /** The quick sale with {@code @Transactional} played on the methods that carry it. */
        private final class TransactionalQuickSales extends QuickSales {
            @Override
            public OrderView quickSaleForCash(CreateOrderCommand command, Attempt attempt) {
                return tx.required(() -> super.quickSaleForCash(command, attempt));
            }

            @Override
            public Step startQuickSale(CreateOrderCommand command, Attempt attempt) {
                return tx.required(() -> super.startQuickSale(command, attempt));
            }

            @Override
            public Step continueQuickSale(Step step, CardCharge charge, CreateOrderCommand command, Attempt attempt) {
                return tx.required(() -> super.continueQuickSale(step, charge, command, attempt));
            }
        }

        /** Settlement with {@code @Transactional} played on the methods that carry it. */
        private final class TransactionalSettlement extends Settlement {
            @Override
            public PaymentResult payCash(long orderId, TenderCommand command, Attempt attempt) {
                return tx.required(() -> super.payCash(orderId, command, attempt));
            }

            @Override
            public com.rms.payment.application.TenderRecord startCard(long orderId, TenderCommand command, Attempt attempt) {
                return tx.required(() -> super.startCard(orderId, command, attempt));
            }

            @Override
            public PaymentResult finishCard(long orderId, long paymentId, CardCharge charge, Attempt attempt) {
                return tx.required(() -> super.finishCard(orderId, paymentId, charge, attempt));
            }

            @Override
            public OrderView complete(long id, Long expectedVersion) {
                return tx.required(() -> super.complete(id, expectedVersion));
            }
        }
    }

    static Long storedId(Replay stored) {
        if (stored == null || stored.status() >= 300) {
            return null;
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(stored.body()))) {
            return reader.readObject().getJsonNumber("id").longValue();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Event<T> noEvents() {
        return (Event<T>) Proxy.newProxyInstance(Event.class.getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> null);
    }

    /** Runs {@code work} as a cashier of the outlet (or, with {@code outlet} another, of that one) of ALPHA. */
    <T> T asCashier(long outlet, Supplier<T> work) {
        TenantContext.set(ALPHA);
        CallerContext.set(new Caller("cashier", ALPHA.slug(), Set.of(Role.CASHIER), Set.of(outlet)));
        try {
            return work.get();
        } finally {
            TenantContext.clear();
            CallerContext.clear();
        }
    }

    <T> T asCashier(Supplier<T> work) {
        return asCashier(OUTLET, work);
    }

    /**
     * A grill at outlet 1 (EUR, 19 % VAT included): burger 9.50 (150 g beef), fries 3.50, cola 2.50;
     * 3 kg beef on hand and an open drawer; outlet 2 with nothing.
     */
    private void seed() {
        String now = "current_timestamp";
        sql(ALPHA,
                "insert into outlet (id, name, timezone, currency, created_at, updated_at) values "
                        + "(1, 'Main', 'UTC', 'EUR', " + now + ", " + now + "), (2, 'Other', 'UTC', 'EUR', " + now + ", " + now + ")",
                "insert into tax_rate (id, name, rate, inclusive, created_at, updated_at) values (1, 'VAT', 19, true, " + now + ", " + now + ")",
                "insert into menu_category (id, name, created_at, updated_at) values (1, 'Mains', " + now + ", " + now + ")",
                "insert into menu_item (id, sku, name, category_id, price, tax_rate_id, station, created_at, updated_at) values "
                        + "(100, 'BURGER', 'Burger', 1, 9.50, 1, 'grill', " + now + ", " + now + "), "
                        + "(110, 'FRIES', 'Fries', 1, 3.50, 1, 'grill', " + now + ", " + now + "), "
                        + "(120, 'COLA', 'Cola', 1, 2.50, 1, 'bar', " + now + ", " + now + ")",
                "insert into stock_item (id, sku, name, unit, reorder_level, unit_cost, average_cost, allow_negative, created_at, updated_at) values "
                        + "(10, 'BEEF', 'Beef mince', 'KG', 0, 9, 9, false, " + now + ", " + now + ")",
                "insert into recipe_line (id, target_kind, target_id, stock_item_id, quantity, unit, line_no, created_at, updated_at) values "
                        + "(300, 'ITEM', 100, 10, 150, 'G', 0, " + now + ", " + now + ")",
                "insert into stock_level (outlet_id, stock_item_id, on_hand, low, updated_at) values (1, 10, 3, false, " + now + ")",
                "insert into cash_session (id, outlet_id, status, opening_float, opened_by, opened_at, open_outlet_id, created_at, "
                        + "updated_at) values (50, 1, 'OPEN', 100, 'cashier', " + now + ", 1, " + now + ", " + now + ")");
    }
}
