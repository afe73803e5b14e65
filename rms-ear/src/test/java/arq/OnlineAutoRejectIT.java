package arq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arq.support.RmsDeployment;
import arq.support.Rows;
import arq.support.Server;
import arq.support.Shops;
import arq.support.Shops.Shop;
import com.rms.online.application.AcceptCommand;
import com.rms.online.application.OnlineOrderCommand;
import com.rms.online.application.OnlineOrderTimer;
import com.rms.online.application.OnlineOrderView;
import com.rms.online.application.OnlineOrders;
import com.rms.online.application.PartnerCommand;
import com.rms.online.application.Partners;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import com.rms.pos.application.LineCommand;
import com.rms.pos.application.OrderQueries;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auto-reject timer inside the server, without waiting: {@link OnlineOrderTimer#rejectOverdue} is
 * what each tick runs, called here with a later "now". A RECEIVED order past its outlet's
 * {@code onlineAcceptMinutes} is rejected once (its order voided), never before, never once accepted,
 * and two servers claiming the same order reject it once.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class OnlineAutoRejectIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return RmsDeployment.ear();
    }

    @Inject
    Shops shops;

    @Inject
    Partners partners;

    @Inject
    OnlineOrders online;

    @Inject
    OnlineOrderTimer timer;

    @Inject
    OrderQueries orders;

    @BeforeEach
    void ready() {
        Server.awaitReady();
    }

    /** Runs {@code work} as the partner in the shop's tenant. */
    private static <T> T asPartner(Shop shop, long partnerId, Supplier<T> work) {
        return TenantContext.callAs(shop.tenant(), () -> {
            CallerContext.set(new Caller("partner:" + partnerId, shop.slug(), Set.of(Role.PARTNER), Set.of(shop.outlet())));
            try {
                return work.get();
            } finally {
                CallerContext.clear();
            }
        });
    }

    private OnlineOrderView receive(Shop shop, long partnerId) {
        OnlineOrderCommand command = new OnlineOrderCommand(shop.outlet(), "ref-" + UUID.randomUUID().toString()
                .replaceAll("[0-9-]", ""), new OnlineOrderCommand.Customer("Ann", null, null), "PICKUP", null, null,
                List.of(new LineCommand(shop.burger(), 1, List.of(), null, null)),
                new OnlineOrderCommand.Payment("CASH_ON_DELIVERY", null, null), null);
        return asPartner(shop, partnerId, () -> online.receive(command, null).order());
    }

    private String status(Shop shop, long id) {
        return shop.call(() -> online.get(id)).status();
    }

    @Test
    void aReceivedOrderIsRejectedOnceItsOutletsMinutesRunOutAndNeverBefore() {
        Shop shop = shops.open("arqonl", 10);
        long partnerId = shop.call(() -> partners.create(new PartnerCommand("Courier", null, Set.of(shop.outlet()))).id());
        Rows rows = shop.rows();
        rows.update("insert into " + rows.schema() + ".online_outlet_setting (outlet_id, accept_minutes) values (?, 5)",
                shop.outlet());
        OnlineOrderView order = receive(shop, partnerId);
        OffsetDateTime received = order.createdAt();
        // the outlet's 5 minutes from receipt (the deadline is kept to the second)
        Duration left = Duration.between(received, order.acceptBy());
        assertTrue(left.compareTo(Duration.ofMinutes(5)) <= 0 && left.compareTo(Duration.ofSeconds(298)) > 0, order::toString);

        assertEquals(0, TenantContext.callAs(shop.tenant(), () -> timer.rejectOverdue(shop.slug(), received.plusMinutes(4))));
        assertEquals("RECEIVED", status(shop, order.id()));

        assertEquals(1, TenantContext.callAs(shop.tenant(), () -> timer.rejectOverdue(shop.slug(), received.plusMinutes(6))));
        OnlineOrderView rejected = shop.call(() -> online.get(order.id()));
        assertEquals("REJECTED", rejected.status());
        assertEquals("not accepted in time", rejected.reason());
        assertEquals("VOIDED", shop.call(() -> orders.get(order.orderId())).status());
        assertEquals(0, TenantContext.callAs(shop.tenant(), () -> timer.rejectOverdue(shop.slug(), received.plusMinutes(7))),
                "rejected once");
    }

    @Test
    void anAcceptedOrderIsNeverRejectedAndTwoServersRejectAnOverdueOneOnce() throws Exception {
        Shop shop = shops.open("arqonl", 10);
        long partnerId = shop.call(() -> partners.create(new PartnerCommand("Courier", null, Set.of(shop.outlet()))).id());
        OnlineOrderView accepted = receive(shop, partnerId);
        shop.call(() -> online.accept(accepted.id(), new AcceptCommand(15)));
        OnlineOrderView overdue = receive(shop, partnerId);
        OffsetDateTime later = overdue.acceptBy().plusMinutes(1);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> servers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                servers.add(() -> TenantContext.callAs(shop.tenant(), () -> {
                    CallerContext.set(Caller.system("system:online-auto-reject", shop.slug()));
                    try {
                        return online.autoReject(overdue.id(), later);
                    } finally {
                        CallerContext.clear();
                    }
                }));
            }
            List<Boolean> claimed = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(servers)) {
                claimed.add(f.get());
            }
            assertEquals(1, claimed.stream().filter(c -> c).count(), claimed::toString);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("REJECTED", status(shop, overdue.id()));
        assertEquals(0, TenantContext.callAs(shop.tenant(), () -> timer.rejectOverdue(shop.slug(), later.plusHours(1))));
        assertEquals("ACCEPTED", status(shop, accepted.id()));
        assertFalse(shop.call(() -> online.overdue(later.plusHours(1), 10)).contains(accepted.id()));
    }
}
