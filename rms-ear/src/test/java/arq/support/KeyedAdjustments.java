package arq.support;

import arq.support.Shops.Shop;
import com.rms.inventory.application.AdjustmentCommand;
import com.rms.inventory.application.StockControl;
import com.rms.platform.idempotency.Answer;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.idempotency.IdempotentCalls;
import com.rms.platform.idempotency.Keyed;
import com.rms.platform.idempotency.Replay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A keyed request of the tests' own, run through the one Idempotency-Key protocol
 * ({@link IdempotencyKeys#once}) as any service runs it: in one transaction it claims the key, books a
 * stock correction through the real inventory service, then fails as told or stores its answer. What
 * it left is visible in the stock; how often it ran, in {@link #runs()}.
 */
@ApplicationScoped
public class KeyedAdjustments {

    /** The operation the fingerprint names. */
    public static final String OPERATION = "POST /arq/stock-corrections";

    @Inject
    IdempotencyKeys keys;

    @Inject
    StockControl stock;

    @Inject
    KeyedAdjustments self;

    private final AtomicInteger runs = new AtomicInteger();

    public int runs() {
        return runs.get();
    }

    /**
     * Adds {@code delta} patties under {@code key}; {@code failure} (when not null) is thrown after the
     * correction was written, before the answer.
     */
    public Answer<Map<String, Object>> correct(String key, Shop shop, BigDecimal delta, Supplier<RuntimeException> failure) {
        Map<String, Object> command = Map.of("stockItemId", shop.patty(), "delta", delta);
        return keys.once(key, IdempotencyKeys.fingerprint(OPERATION, command), IdempotentCalls::problemDocument,
                new Keyed<>() {
                    @Override
                    public Map<String, Object> run(Attempt attempt) {
                        return self.inOneTransaction(attempt, shop, delta, failure);
                    }

                    @Override
                    public void recheck(Replay stored, Long resume) {
                    }
                });
    }

    @Transactional
    public Map<String, Object> inOneTransaction(Attempt attempt, Shop shop, BigDecimal delta,
            Supplier<RuntimeException> failure) {
        keys.claim(attempt);
        int run = runs.incrementAndGet();
        stock.adjust(shop.outlet(), new AdjustmentCommand(shop.patty(), delta, null, "CORRECTION", "keyed by the test"));
        if (failure != null) {
            throw failure.get();
        }
        Map<String, Object> answer = Map.of("run", run, "delta", delta);
        keys.answer(attempt, 201, answer);
        return answer;
    }
}
