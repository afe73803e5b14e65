package com.rms.menu.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.rms.menu.application.OutletMenus.SoldMenu;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MenuCacheTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final MenuCache cache = new MenuCache(SECOND, now::get);

    private static SoldMenu menu(String json) {
        return new SoldMenu("\"tag\"", json);
    }

    private static SellableMenu sellable(long outlet) {
        return new SellableMenu(outlet, "EUR", Map.of());
    }

    private MenuCache.Entry store(String tenant, long outlet, long revision, long version) {
        return cache.store(tenant, outlet, revision, version, menu("{}"), sellable(outlet), cache.epoch(tenant));
    }

    @Test
    void aMenuCheckedLessThanASecondAgoIsServedWithoutAskingAgain() {
        MenuCache.Entry stored = store("a", 1, 7, 1);
        assertSame(stored, cache.fresh("a", 1));
        now.addAndGet(SECOND);
        assertSame(stored, cache.fresh("a", 1), "exactly a second is still trusted");
        now.addAndGet(1);
        assertNull(cache.fresh("a", 1), "after a second the revision must be checked again");
    }

    @Test
    void aCheckThatFindsTheSameStateTrustsTheEntryForAnotherSecond() {
        MenuCache.Entry stored = store("a", 1, 7, 1);
        now.addAndGet(2 * SECOND);
        MenuCache.Entry again = cache.confirmed("a", 1, 7, 1, cache.epoch("a"));
        assertNotNull(again);
        assertSame(stored.menu(), again.menu(), "the rendered bytes are reused");
        assertSame(again, cache.fresh("a", 1));
    }

    @Test
    void aNewRevisionOrOutletVersionNeedsANewRendering() {
        store("a", 1, 7, 1);
        assertNull(cache.confirmed("a", 1, 8, 1, cache.epoch("a")), "the menu changed (on any server)");
        assertNull(cache.confirmed("a", 1, 7, 2, cache.epoch("a")), "the outlet changed");
    }

    @Test
    void aChangeOnThisServerIsSeenAtOnce() {
        store("a", 1, 7, 1);
        store("b", 1, 3, 1);
        cache.invalidate("a");
        assertNull(cache.fresh("a", 1), "no waiting for the second to pass");
        assertNotNull(cache.fresh("b", 1), "another tenant's menus stay trusted");
    }

    @Test
    void aCheckThatStartedBeforeAChangeCommittedIsNotTrusted() {
        store("a", 1, 7, 1);
        now.addAndGet(2 * SECOND);
        long epochBeforeTheQuery = cache.epoch("a");
        cache.invalidate("a"); // the change commits while the query still reads the old revision
        cache.confirmed("a", 1, 7, 1, epochBeforeTheQuery);
        assertNull(cache.fresh("a", 1), "the next read checks again and sees the change");
        cache.store("a", 1, 7, 1, menu("{}"), sellable(1), epochBeforeTheQuery);
        assertNull(cache.fresh("a", 1));
    }

    @Test
    void tenantsNeverShareEntries() {
        cache.store("a", 1, 7, 1, menu("{\"tenant\":\"a\"}"), sellable(1), cache.epoch("a"));
        assertNull(cache.fresh("b", 1), "the same outlet id in another tenant is not this menu");
        assertNull(cache.confirmed("b", 1, 7, 1, cache.epoch("b")), "not even with the same revision and version");
        assertArrayEquals("{\"tenant\":\"a\"}".getBytes(StandardCharsets.UTF_8), cache.fresh("a", 1).menu().body());
    }
}
