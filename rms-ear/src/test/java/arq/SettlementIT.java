package arq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arq.support.Await;
import arq.support.Rows;
import arq.support.RmsDeployment;
import arq.support.Sales;
import arq.support.Server;
import arq.support.Shops;
import arq.support.Shops.Shop;
import arq.support.Transactions;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException;
import com.rms.platform.idempotency.Answer;
import com.rms.pos.application.OrderQueries;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.PaymentResult;
import com.rms.pos.application.Settlement;
import com.rms.pos.application.TenderCommand;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settling at the point of sale inside the server: the cash quick sale as one JTA transaction of the
 * real beans (order, lines, tender, stock hold, outbox rows, Idempotency-Key), the key under
 * concurrency, a declined card, the last stock sold from several threads, and another tenant.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class SettlementIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return RmsDeployment.ear();
    }

    @Inject
    Shops shops;

    @Inject
    Sales sales;

    @Inject
    Settlement settlement;

    @Inject
    OrderQueries queries;

    @BeforeEach
    void ready() {
        Server.awaitReady();
    }

    @Test
    void aCashQuickSaleFailingAtItsCommitLeavesNothing() throws Exception {
        Shop shop = shops.open("arqset", 5);
        Rows rows = shop.rows();
        String key = "sale-" + UUID.randomUUID();

        UserTransaction tx = Transactions.userTransaction();
        tx.begin();
        OrderView written;
        try {
            written = shop.call(() -> sales.quickSale(key, Sales.cash(shop, 2, true)).result());
            // everything the sale does was written in this transaction, and is visible in it
            assertEquals("COMPLETED", written.status());
            Transactions.failAtCommit();
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        }
        assertThrows(RollbackException.class, tx::commit);

        // nothing of it remains: no order, line, tender, hold, outbox row, stored key
        assertEquals(0, rows.count("pos_order", null));
        assertEquals(0, rows.count("order_line", null));
        assertEquals(0, rows.count("payment", null));
        assertEquals(0, rows.count("stock_hold", null));
        assertEquals(0, rows.count("order_completion", null));
        assertEquals(0, rows.count("outbox", null));
        assertEquals(0, rows.count("idempotency_key", null));
        assertEquals(new BigDecimal("5"), rows.onHand(shop.outlet(), shop.patty()));

        // and the key is free: the same request again is a first attempt, which commits once
        OrderView sold = shop.call(() -> sales.quickSale(key, Sales.cash(shop, 2, true)).result());
        assertNotNull(sold);
        assertEquals("COMPLETED", sold.status());
        assertEquals(1, rows.count("pos_order", null));
        assertEquals(1, rows.count("payment", "order_id = ?", sold.id()));
        assertEquals(1, rows.count("outbox", "aggregate_id = ?", "order:" + sold.id()));
        assertEquals(1, rows.count("idempotency_key", "idem_key = ? and state = 'DONE'", key));
        Answer<OrderView> replay = shop.call(() -> sales.quickSale(key, Sales.cash(shop, 2, true)));
        assertTrue(replay.replayed());
        assertEquals(201, replay.replay().status());
        assertTrue(replay.replay().body().contains("\"id\":" + sold.id()), replay.replay().body());
        assertEquals(1, rows.count("pos_order", null));
        Await.equal("the sale's stock deducted by the inventory consumer", Duration.ofSeconds(30), new BigDecimal("3"),
                () -> rows.onHand(shop.outlet(), shop.patty()));
    }

    @Test
    void theSameKeyAtOnceMakesOneOrder() {
        Shop shop = shops.open("arqkey", 20);
        Rows rows = shop.rows();
        String key = "sale-" + UUID.randomUUID();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> shop.call(() -> sales.quickSale(key, Sales.cash(shop, 1, false))));
        }
        List<Object> outcomes = Transactions.concurrently(tasks);

        Set<Long> orders = new HashSet<>();
        int answered = 0;
        for (Object outcome : outcomes) {
            if (outcome instanceof Answer<?> answer) {
                answered++;
                orders.add(answer.replayed() ? idIn(answer.replay().body()) : ((OrderView) answer.result()).id());
            } else {
                // a request with the key in flight is refused, never run a second time
                assertInstanceOf(ConflictException.class, outcome, String.valueOf(outcome));
            }
        }
        assertTrue(answered >= 1, "no request was answered: " + outcomes);
        assertEquals(1, orders.size(), "answers name different orders: " + orders);
        assertEquals(1, rows.count("pos_order", null));
        assertEquals(1, rows.count("payment", null));
        assertEquals(1, rows.count("idempotency_key", null));
        // a retry after the race replays the one order
        Answer<?> retry = shop.call(() -> sales.quickSale(key, Sales.cash(shop, 1, false)));
        assertTrue(retry.replayed());
        assertEquals(orders.iterator().next(), idIn(retry.replay().body()));
    }

    @Test
    void aDeclinedCardLeavesTheOrderToRetryOn() {
        Shop shop = shops.open("arqcard", 5);
        Rows rows = shop.rows();
        String key = "sale-" + UUID.randomUUID();

        BusinessRuleException declined = assertThrows(BusinessRuleException.class,
                () -> shop.call(() -> sales.quickSale(key, Sales.card(shop, "tok_chargeDeclined"))));
        Long orderId = declined.extensions().get("orderId");
        assertNotNull(orderId, "the problem names the order stored: " + declined.getMessage());
        assertEquals(1, rows.count("pos_order", "id = ? and status = 'OPEN'", orderId));
        assertEquals(1, rows.count("payment", "order_id = ? and status = 'DECLINED'", orderId));
        assertEquals(0, rows.count("outbox", null));
        assertEquals(1, rows.count("idempotency_resume", "order_id = ?", orderId));

        // the same request again continues on that order (the same decline), never a second order
        BusinessRuleException again = assertThrows(BusinessRuleException.class,
                () -> shop.call(() -> sales.quickSale(key, Sales.card(shop, "tok_chargeDeclined"))));
        assertEquals(orderId, again.extensions().get("orderId"));
        assertEquals(1, rows.count("pos_order", null));

        // the order stays payable: another card pays it, completing it with its outbox rows
        PaymentResult paid = shop.call(() -> settlement.payOnce(orderId,
                new TenderCommand("CARD", new BigDecimal("10.00"), null, "tok_visa", null), "pay-" + UUID.randomUUID()));
        assertNotNull(paid);
        assertEquals("COMPLETED", shop.call(() -> queries.get(orderId)).status());
        assertEquals(1, rows.count("outbox", "aggregate_id = ?", "order:" + orderId));
        Await.equal("the card sale's stock deducted", Duration.ofSeconds(30), new BigDecimal("4"),
                () -> rows.onHand(shop.outlet(), shop.patty()));
    }

    @Test
    void theLastStockIsSoldOnceUnderConcurrentSales() {
        Shop shop = shops.open("arqlast", 3);
        Rows rows = shop.rows();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = "sale-" + i + "-" + UUID.randomUUID();
            tasks.add(() -> shop.call(() -> sales.quickSale(key, Sales.cash(shop, 1, false))));
        }
        List<Object> outcomes = Transactions.concurrently(tasks);

        int sold = 0;
        for (Object outcome : outcomes) {
            if (outcome instanceof Answer<?> answer) {
                assertFalse(answer.replayed());
                sold++;
            } else {
                RmsException refused = assertInstanceOf(RmsException.class, outcome, String.valueOf(outcome));
                assertEquals(422, refused.status(), refused.getMessage());
            }
        }
        assertEquals(3, sold, "three patties sell three burgers: " + outcomes);
        assertEquals(3, rows.count("pos_order", null));
        // each sale held its patty until the inventory consumer deducted it, which may already have
        // happened for some: holds and deductions are counted together, in one statement
        assertEquals(3L, ((Number) rows.single("select (select count(*) from " + rows.schema() + ".stock_hold) + (select "
                + "count(*) from " + rows.schema() + ".stock_movement where reason = 'SALE')")).longValue());
        Await.equal("the three sales deducted", Duration.ofSeconds(30), BigDecimal.ZERO,
                () -> rows.onHand(shop.outlet(), shop.patty()));
        assertEquals(3, rows.count("stock_movement", "reason = 'SALE'"));
        assertEquals(0, rows.count("stock_level", "on_hand < 0"));
    }

    @Test
    void anotherTenantCannotSettleAnOrder() {
        Shop alpha = shops.open("arqalpha", 5);
        Shop beta = shops.open("arqbeta", 5);
        String key = "sale-" + UUID.randomUUID();
        BusinessRuleException declined = assertThrows(BusinessRuleException.class,
                () -> alpha.call(() -> sales.quickSale(key, Sales.card(alpha, "tok_chargeDeclined"))));
        long alphasOrder = declined.extensions().get("orderId");

        assertThrows(NotFoundException.class, () -> beta.call(() -> queries.get(alphasOrder)));
        assertThrows(NotFoundException.class, () -> beta.call(() -> settlement.payOnce(alphasOrder,
                new TenderCommand("CASH", new BigDecimal("10.00"), null, null, new BigDecimal("10.00")),
                "pay-" + UUID.randomUUID())));
        // beta's sale under alpha's key is beta's own first attempt
        OrderView betas = beta.call(() -> sales.quickSale(key, Sales.cash(beta, 1, false)).result());
        assertNotNull(betas);
        assertEquals("OPEN", alpha.call(() -> queries.get(alphasOrder)).status());
        assertEquals(0, alpha.rows().count("payment", "status = 'SUCCEEDED'"));
        assertEquals(1, beta.rows().count("pos_order", null));
    }

    private static long idIn(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(body);
        assertTrue(m.find(), body);
        return Long.parseLong(m.group(1));
    }
}
