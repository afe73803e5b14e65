package com.rms.pos.application;

import static com.rms.pos.application.SettlementHarness.ALPHA;
import static com.rms.pos.application.SettlementHarness.BURGER;
import static com.rms.pos.application.SettlementHarness.COLA;
import static com.rms.pos.application.SettlementHarness.OUTLET;
import static com.rms.pos.application.SettlementTransactionsTest.cash;
import static com.rms.pos.application.SettlementTransactionsTest.key;
import static com.rms.pos.application.SettlementTransactionsTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check a terminal goes on with at a table ({@link OrderQueries#openAt}): the newest one still
 * open there, never a paid one, and none at an outlet the caller may not see.
 */
class OrderQueriesTest {

    private SettlementHarness h;
    private SettlementHarness.Server server;

    @BeforeEach
    void open() {
        h = new SettlementHarness();
        server = h.new Server();
        h.sql(ALPHA, "insert into dining_table (id, outlet_id, label, seats, state, created_at, updated_at) values "
                + "(7, 1, 'T7', 4, 'FREE', current_timestamp, current_timestamp), "
                + "(8, 1, 'T8', 2, 'FREE', current_timestamp, current_timestamp)");
    }

    @AfterEach
    void close() {
        h.close();
    }

    private OrderView atTable(long table, TenderCommand... tenders) {
        CreateOrderCommand command = new CreateOrderCommand(OUTLET, "DINE_IN", table, null,
                List.of(line(BURGER), line(COLA)), null, List.of(tenders), null);
        return h.asCashier(() -> server.create(key(), command)).result();
    }

    private Optional<OrderView> openAt(long outletOfCaller, long table) {
        return h.asCashier(outletOfCaller, () -> h.tx.required(() -> server.queries.openAt(OUTLET, table)));
    }

    @Test
    void theCheckGoneOnWithAtATableIsTheNewestStillOpenThere() {
        assertEquals(Optional.empty(), openAt(OUTLET, 7), "nothing at the table yet");
        OrderView paid = atTable(7, cash("12.00", "12.00"));
        assertEquals("COMPLETED", paid.status());
        assertEquals(Optional.empty(), openAt(OUTLET, 7), "a paid check is not gone on with");

        atTable(7);
        OrderView newest = atTable(7);
        OrderView elsewhere = atTable(8);
        assertEquals(newest.id(), openAt(OUTLET, 7).orElseThrow().id());
        assertEquals(elsewhere.id(), openAt(OUTLET, 8).orElseThrow().id());
        assertEquals(List.of("void"), openAt(OUTLET, 7).orElseThrow().lines().get(0).actions(),
                "with what its lines allow");
        assertEquals(Optional.empty(), openAt(2, 7), "another outlet's terminal sees no check there");
    }
}
