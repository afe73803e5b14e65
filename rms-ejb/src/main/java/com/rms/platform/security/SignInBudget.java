package com.rms.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.rms.platform.error.RateLimitedException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in budget, checked before any password or PIN is hashed: so many attempts per minute
 * per client address ({@code rms.signin.rate-per-address}) and per account, tenant and user name
 * ({@code rms.signin.rate-per-account}). Successful sign-ins give their attempt back, so the budget
 * stops guessing and floods of failures without ever locking out someone who signs in often. The
 * buckets live in bounded, expiring caches: the keys come from unauthenticated clients, and an idle
 * bucket is full again after a minute anyway, so forgetting it loses nothing.
 */
@ApplicationScoped
public class SignInBudget {

    private static final RmsLog LOG = RmsLog.of(SignInBudget.class);
    /** A key is bounded before it is stored: user names are at most 64 characters anyway. */
    private static final int KEY_LENGTH = 140;

    @Inject
    @ConfigProperty(name = "rms.signin.rate-per-address", defaultValue = "20")
    int perAddress;

    @Inject
    @ConfigProperty(name = "rms.signin.rate-per-account", defaultValue = "10")
    int perAccount;

    @Inject
    @ConfigProperty(name = "rms.signin.max-clients", defaultValue = "100000")
    long maxClients;

    Ticker ticker = Ticker.systemTicker();
    private Cache<String, TokenBucket> addresses;
    private Cache<String, TokenBucket> accounts;

    @PostConstruct
    void init() {
        addresses = cache();
        accounts = cache();
    }

    private Cache<String, TokenBucket> cache() {
        return Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(Duration.ofMinutes(2)).ticker(ticker)
                .build();
    }

    /** One charged attempt; {@link #succeeded()} gives it back. */
    public final class Charge {
        private final TokenBucket address;
        private final TokenBucket account;

        private Charge(TokenBucket address, TokenBucket account) {
            this.address = address;
            this.account = account;
        }

        /** The sign-in succeeded: its attempt does not count. */
        public void succeeded() {
            long now = ticker.read();
            if (address != null) {
                address.giveBack(now);
            }
            if (account != null) {
                account.giveBack(now);
            }
        }
    }

    /**
     * Charges one attempt to the address and (when given) the account.
     *
     * @throws RateLimitedException if either is over its budget; nothing is charged then
     */
    public Charge charge(String address, String account) {
        long now = ticker.read();
        TokenBucket byAddress = address == null ? null
                : addresses.get(bounded(address), k -> new TokenBucket(perAddress / 60d, perAddress, now));
        TokenBucket byAccount = account == null ? null
                : accounts.get(bounded(account), k -> new TokenBucket(perAccount / 60d, perAccount, now));
        long waitAddress = byAddress == null ? 0 : byAddress.tryTake(now);
        if (waitAddress > 0) {
            refuse("address", waitAddress);
        }
        long waitAccount = byAccount == null ? 0 : byAccount.tryTake(now);
        if (waitAccount > 0) {
            if (byAddress != null) {
                byAddress.giveBack(now);
            }
            refuse("account", waitAccount);
        }
        return new Charge(byAddress, byAccount);
    }

    private static void refuse(String what, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        LOG.warn(LogContext.SECURITY, "sign-in refused: over the sign-in budget of its " + what);
        throw new RateLimitedException("too many sign-in attempts; try again in " + seconds + " s", seconds);
    }

    private static String bounded(String key) {
        return key.length() <= KEY_LENGTH ? key : key.substring(0, KEY_LENGTH);
    }

    /** How many clients the budgets hold now (for tests and status). */
    long clients() {
        addresses.cleanUp();
        accounts.cleanUp();
        return addresses.estimatedSize() + accounts.estimatedSize();
    }
}
