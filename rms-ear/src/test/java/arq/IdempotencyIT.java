package arq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arq.support.KeyedAdjustments;
import arq.support.Rows;
import arq.support.RmsDeployment;
import arq.support.Server;
import arq.support.Shops;
import arq.support.Shops.Shop;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.IdempotencyKeyReuseException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.idempotency.Answer;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Idempotency-Key protocol ({@code IdempotencyKeys.once}) with real transactions: the key, the
 * work's change and the answer commit together; a stored answer (success or 422) is replayed without
 * running the work; a 5xx or an unexpected failure leaves nothing under the key; the same key with
 * another request is refused; keys are per tenant.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class IdempotencyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return RmsDeployment.ear();
    }

    @Inject
    Shops shops;

    @Inject
    KeyedAdjustments work;

    Shop shop;
    Rows rows;

    @BeforeEach
    void shop() {
        Server.awaitReady();
        shop = shops.open("arqidem", 10);
        rows = shop.rows();
    }

    @Test
    void aRepeatReplaysTheStoredAnswerWithoutRunningAgain() {
        String key = "key-" + UUID.randomUUID();
        int before = work.runs();
        Answer<Map<String, Object>> first = shop.call(() -> work.correct(key, shop, BigDecimal.ONE, null));
        assertFalse(first.replayed());
        assertEquals(new BigDecimal("11"), onHand());

        Answer<Map<String, Object>> again = shop.call(() -> work.correct(key, shop, BigDecimal.ONE, null));
        assertTrue(again.replayed());
        assertEquals(201, again.replay().status());
        assertEquals("application/json", again.replay().contentType());
        assertTrue(again.replay().body().contains("\"run\":" + (before + 1)), again.replay().body());
        assertEquals(before + 1, work.runs(), "the work ran once");
        assertEquals(new BigDecimal("11"), onHand());
        assertEquals(1, rows.count("idempotency_key", "idem_key = ? and state = 'DONE' and response_status = 201", key));
    }

    @Test
    void aStored422IsReplayedEvenWhenTheWorkWouldNowSucceed() {
        String key = "key-" + UUID.randomUUID();
        BusinessRuleException refused = assertThrows(BusinessRuleException.class, () -> shop.call(() -> work.correct(
                key, shop, BigDecimal.ONE, () -> new BusinessRuleException("the drawer is closed"))));
        assertEquals(422, refused.status());
        // the work's change rolled back; the failure was stored as the key's answer
        assertEquals(new BigDecimal("10"), onHand());
        assertEquals(1, rows.count("idempotency_key", "idem_key = ? and response_status = 422", key));

        int runs = work.runs();
        Answer<Map<String, Object>> replay = shop.call(() -> work.correct(key, shop, BigDecimal.ONE, null));
        assertTrue(replay.replayed());
        assertEquals(422, replay.replay().status());
        assertEquals("application/problem+json", replay.replay().contentType());
        assertTrue(replay.replay().body().contains("the drawer is closed"), replay.replay().body());
        assertEquals(runs, work.runs(), "a stored failure is answered, not run again");
        assertEquals(new BigDecimal("10"), onHand());
    }

    @Test
    void aServerErrorOrAnUnexpectedFailureReleasesTheKey() {
        String key = "key-" + UUID.randomUUID();
        assertThrows(ServiceUnavailableException.class, () -> shop.call(() -> work.correct(key, shop, BigDecimal.ONE,
                () -> new ServiceUnavailableException("the provider is down", 5))));
        assertEquals(0, rows.count("idempotency_key", "idem_key = ?", key));
        assertEquals(new BigDecimal("10"), onHand());

        assertThrows(IllegalStateException.class, () -> shop.call(() -> work.correct(key, shop, BigDecimal.ONE,
                () -> new IllegalStateException("a defect"))));
        assertEquals(0, rows.count("idempotency_key", "idem_key = ?", key));
        assertEquals(new BigDecimal("10"), onHand());

        // the retry is a new attempt: it runs and is stored
        int runs = work.runs();
        Answer<Map<String, Object>> retried = shop.call(() -> work.correct(key, shop, BigDecimal.ONE, null));
        assertFalse(retried.replayed());
        assertEquals(runs + 1, work.runs());
        assertEquals(new BigDecimal("11"), onHand());
        assertEquals(1, rows.count("idempotency_key", "idem_key = ? and state = 'DONE'", key));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        String key = "key-" + UUID.randomUUID();
        shop.call(() -> work.correct(key, shop, BigDecimal.ONE, null));
        int runs = work.runs();
        IdempotencyKeyReuseException reused = assertThrows(IdempotencyKeyReuseException.class,
                () -> shop.call(() -> work.correct(key, shop, new BigDecimal("5"), null)));
        assertEquals(422, reused.status());
        assertEquals(runs, work.runs());
        assertEquals(new BigDecimal("11"), onHand());
    }

    @Test
    void keysArePerTenant() {
        Shop other = shops.open("arqidemb", 10);
        String key = "key-" + UUID.randomUUID();
        shop.call(() -> work.correct(key, shop, BigDecimal.ONE, null));

        // the other tenant's same key, even with another request, is its own first attempt
        Answer<Map<String, Object>> theirs = other.call(() -> work.correct(key, other, new BigDecimal("3"), null));
        assertFalse(theirs.replayed());
        assertEquals(new BigDecimal("13"), other.rows().onHand(other.outlet(), other.patty()));
        assertEquals(new BigDecimal("11"), onHand());

        // and each tenant replays its own answer
        Answer<Map<String, Object>> ours = shop.call(() -> work.correct(key, shop, BigDecimal.ONE, null));
        assertTrue(ours.replayed());
        assertTrue(ours.replay().body().contains("\"delta\":1"), ours.replay().body());
        Answer<Map<String, Object>> theirsAgain = other.call(() -> work.correct(key, other, new BigDecimal("3"), null));
        assertTrue(theirsAgain.replayed());
        assertTrue(theirsAgain.replay().body().contains("\"delta\":3"), theirsAgain.replay().body());
        assertEquals(1, rows.count("idempotency_key", "idem_key = ?", key));
        assertEquals(1, other.rows().count("idempotency_key", "idem_key = ?", key));
    }

    private BigDecimal onHand() {
        return rows.onHand(shop.outlet(), shop.patty());
    }
}
