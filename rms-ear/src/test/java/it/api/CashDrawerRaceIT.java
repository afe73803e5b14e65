package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api.Reply;
import it.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Cash sales take the drawer's row with a shared lock (side by side), closing it takes it exclusively:
 * a drawer closed while cashiers keep selling counts exactly the cash of the sales that were answered
 * 201, and every sale after the close is refused 422 — none slips in between the count and the close.
 */
class CashDrawerRaceIT {

    @Test
    void closingTheDrawerDuringCashSalesCountsEverySaleItAnswered() throws Exception {
        Shop shop = Shop.open("drawerrace");
        JsonObject drawer = shop.openDrawer(new BigDecimal("50.00"));
        Reply priced = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1)));
        assertEquals(201, priced.status(), priced::toString);
        BigDecimal price = priced.json().getJsonNumber("total").bigDecimalValue();
        JsonObject sale = Json.createObjectBuilder(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1)))
                .add("payments", Json.createArrayBuilder().add(obj("method", "CASH", "amount", price))).build();

        AtomicBoolean closed = new AtomicBoolean();
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger refusedAfterClose = new AtomicInteger();
        Map<Integer, String> unexpected = new ConcurrentHashMap<>();
        ExecutorService cashiers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            running.add(cashiers.submit(() -> {
                int afterClose = 0;
                while (afterClose < 3) {
                    boolean closedBefore = closed.get();
                    Reply reply = shop.order(sale);
                    if (reply.status() == 201) {
                        sold.incrementAndGet();
                    } else if (reply.status() == 422) {
                        refusedAfterClose.incrementAndGet();
                    } else {
                        unexpected.put(reply.status(), reply.toString());
                    }
                    if (closedBefore) {
                        afterClose++;
                    }
                }
                return null;
            }));
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (sold.get() < 8 || System.nanoTime() < until) {
            Thread.sleep(50);
        }
        Reply close = shop.as(shop.cashier, "/api/v1/cash-sessions/" + drawer.getJsonNumber("id") + "/close")
                .post(obj("countedCash", new BigDecimal("50.00")));
        closed.set(true);
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        cashiers.shutdown();

        assertEquals(200, close.status(), close::toString);
        assertTrue(unexpected.isEmpty(), unexpected::toString);
        assertTrue(refusedAfterClose.get() >= 4, "every cashier's sales after the close are refused");
        JsonObject z = close.json().getJsonObject("zReport");
        BigDecimal counted = z.getJsonNumber("cashSales").bigDecimalValue();
        assertEquals(0, price.multiply(BigDecimal.valueOf(sold.get())).compareTo(counted),
                "the Z report counts exactly the " + sold.get() + " sales answered 201: " + z);
    }
}
