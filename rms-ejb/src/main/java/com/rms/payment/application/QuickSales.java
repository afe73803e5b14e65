package com.rms.payment.application;

import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.text.Hashes;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * A quick sale: an order and its tenders in one request ({@code POST /orders} with {@code payments}).
 * The order is stored first (its Idempotency-Key linked to it in the same transaction), then each
 * tender is taken under a key of its own ({@code <key>#<n>}), so that a retry with the request's key
 * pays only the tenders not yet taken, on the same order: no retry ever creates a second order or
 * charges a tender twice. While a tender cannot be taken (provider down 503, decline 422) the answer
 * is the problem plus {@code orderId}; once every tender is taken it is the paid order (201), which is
 * then what the key replays.
 */
@ApplicationScoped
public class QuickSales {

    @Inject
    Orders orders;

    @Inject
    Payments payments;

    @Inject
    IdempotencyKeys keys;

    /** Whether the command is a quick sale (it carries tenders). */
    public static boolean isQuickSale(CreateOrderCommand command) {
        return command != null && command.payments() != null && !command.payments().isEmpty();
    }

    /**
     * Creates the order (or, with {@code resume}, continues on the order a first attempt under
     * {@code key} stored) and takes its tenders. The caller has claimed {@code key}.
     */
    public OrderView sell(CreateOrderCommand command, String key, Long resume) {
        List<PaymentCommand> tenders = command.payments();
        // bad input changes nothing: every tender is checked before the order is stored
        tenders.forEach(Payments::validate);
        OrderView order = resume == null ? orders.create(command, key) : orders.get(resume);
        for (int i = 0; i < tenders.size(); i++) {
            // within the 255 characters of a key even when the sale's key uses them all
            String tenderKey = (key.length() <= 250 ? key : Hashes.sha256(key)) + "#" + (i + 1);
            PaymentCommand tender = tenders.get(i);
            try {
                keys.once(tenderKey, Payments.fingerprint("pay", order.id(), tender), failed -> null,
                        new IdempotencyKeys.Keyed<PaymentResult>() {
                            @Override
                            public PaymentResult run(Long ignored) {
                                return payments.pay(order.id(), tender, tenderKey);
                            }

                            @Override
                            public PaymentResult replay(IdempotencyKeys.Replay stored) {
                                return null; // taken by an earlier attempt
                            }

                            @Override
                            public void recheck(IdempotencyKeys.Replay stored, Long ignored) {
                                // the order was re-checked with the sale's key
                            }
                        });
            } catch (RmsException failed) {
                throw failed(order.id(), i, failed);
            }
        }
        OrderView paid = orders.get(order.id());
        keys.finish(key, 201, paid);
        return paid;
    }

    private static RmsException failed(long orderId, int tender, RmsException failed) {
        String detail = "order " + orderId + " was created and stays open; payment " + (tender + 1) + " failed: "
                + failed.getMessage() + " Retry with the same Idempotency-Key to take the payments not yet taken.";
        Map<String, Long> order = Map.of("orderId", orderId);
        if (failed instanceof ServiceUnavailableException unavailable) {
            return new ServiceUnavailableException(detail, unavailable.retryAfterSeconds(), order);
        }
        if (failed.status() == 422) {
            return new BusinessRuleException(detail, failed.errors(), order);
        }
        return failed;
    }
}
