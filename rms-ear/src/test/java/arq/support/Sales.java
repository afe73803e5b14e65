package arq.support;

import arq.support.Shops.Shop;
import com.rms.platform.idempotency.Answer;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.idempotency.IdempotentCalls;
import com.rms.platform.idempotency.Keyed;
import com.rms.platform.idempotency.Replay;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.LineCommand;
import com.rms.pos.application.OrderQueries;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.QuickSales;
import com.rms.pos.application.Settlement;
import com.rms.pos.application.TenderCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/**
 * Quick sales as {@code POST /orders} makes them: {@link QuickSales#create} under an Idempotency-Key
 * through the one protocol ({@link IdempotencyKeys#once}), with the edge's recheck (a continued order
 * must be readable by the caller). Runs in the current tenant, as the current caller.
 */
@ApplicationScoped
public class Sales {

    @Inject
    IdempotencyKeys keys;

    @Inject
    QuickSales quickSales;

    @Inject
    OrderQueries queries;

    /** {@code quantity} burgers paid in cash, for the shop's customer when {@code withCustomer}. */
    public static CreateOrderCommand cash(Shop shop, int quantity, boolean withCustomer) {
        BigDecimal total = new BigDecimal("10.00").multiply(BigDecimal.valueOf(quantity));
        return new CreateOrderCommand(shop.outlet(), "TAKEAWAY", null, withCustomer ? shop.customer() : null,
                List.of(new LineCommand(shop.burger(), quantity, List.of(), null, null)), null,
                List.of(new TenderCommand("CASH", total, null, null, total)), null);
    }

    /** One burger paid by card with the sandbox's {@code token}. */
    public static CreateOrderCommand card(Shop shop, String token) {
        return new CreateOrderCommand(shop.outlet(), "TAKEAWAY", null, null,
                List.of(new LineCommand(shop.burger(), 1, List.of(), null, null)), null,
                List.of(new TenderCommand("CARD", new BigDecimal("10.00"), null, token, null)), null);
    }

    public Answer<OrderView> quickSale(String key, CreateOrderCommand command) {
        return keys.once(key, IdempotencyKeys.fingerprint(Settlement.createOperation(), command),
                IdempotentCalls::problemDocument, new Keyed<>() {
                    @Override
                    public OrderView run(Attempt attempt) {
                        return quickSales.create(command, attempt);
                    }

                    @Override
                    public void recheck(Replay stored, Long resume) {
                        if (resume != null) {
                            queries.get(resume);
                        }
                    }
                });
    }
}
