package com.rms.analytics.application;

import com.rms.platform.events.Events;
import com.rms.platform.messaging.ConsumerHarness;
import com.rms.testing.RecordingEvents;
import jakarta.persistence.EntityManager;

/** The analytics consumer's handler wired on an EntityManager, for tests of other packages. */
public final class SalesFactsAccess {

    private SalesFactsAccess() {
    }

    public static SalesFacts facts(EntityManager em) {
        return facts(em, new RecordingEvents());
    }

    /** The handler, publishing its socket events to {@code events}. */
    public static SalesFacts facts(EntityManager em, Events events) {
        SalesFacts facts = new SalesFacts();
        facts.em = em;
        facts.outlets = ConsumerHarness.outlets(em);
        facts.aggregates = aggregates(em);
        facts.events = events;
        return facts;
    }

    public static SalesAggregates aggregates(EntityManager em) {
        SalesAggregates aggregates = new SalesAggregates();
        aggregates.em = em;
        return aggregates;
    }
}
