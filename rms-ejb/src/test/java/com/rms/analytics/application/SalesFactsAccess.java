package com.rms.analytics.application;

import com.rms.platform.messaging.ConsumerHarness;
import jakarta.persistence.EntityManager;

/** The analytics consumer's handler wired on an EntityManager, for tests of other packages. */
public final class SalesFactsAccess {

    private SalesFactsAccess() {
    }

    public static SalesFacts facts(EntityManager em) {
        SalesFacts facts = new SalesFacts();
        facts.em = em;
        facts.outlets = ConsumerHarness.outlets(em);
        return facts;
    }
}
