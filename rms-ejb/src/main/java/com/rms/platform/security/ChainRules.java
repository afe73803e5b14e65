package com.rms.platform.security;

import com.rms.platform.error.AuthorizationException;

/**
 * Decisions that belong to the chain as a whole (its outlets, its tax rates) rather than to one
 * outlet: only the tenant's owner, a platform administrator or the system itself (provisioning, the
 * demo chain) may take them. Checked in the application services, so every way in (REST, the back
 * office) obeys the same rule.
 */
public final class ChainRules {

    private ChainRules() {
    }

    /** Whether the current caller may change what belongs to the whole chain. */
    public static boolean mayManageChain() {
        Caller caller = CallerContext.current();
        return caller.chainWide();
    }

    /** Refuses (403) a change of the whole chain by anyone but its owner. */
    public static void requireChainOwner(String what) {
        if (!mayManageChain()) {
            throw new AuthorizationException("only the owner may " + what);
        }
    }
}
