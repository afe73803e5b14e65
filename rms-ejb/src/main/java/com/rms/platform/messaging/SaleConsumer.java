package com.rms.platform.messaging;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The consumers of the sale events, by the name each records with the event ids it applied
 * ({@code processed_event.consumer}). A producer that must wait until every consumer applied an event
 * (a re-opening waits for the sale it reverses) asks for these names instead of importing the
 * consumers.
 */
public enum SaleConsumer {
    /** Deducts (and puts back) the stock of a sale. */
    INVENTORY("inventory"),
    /** Records the sales facts. */
    ANALYTICS("analytics"),
    /** Earns (and takes back) loyalty points. */
    LOYALTY("loyalty");

    private final String consumerName;

    SaleConsumer(String consumerName) {
        this.consumerName = consumerName;
    }

    /** The name in {@code processed_event.consumer}. */
    public String consumerName() {
        return consumerName;
    }

    /** The names of every consumer of the sale events. */
    public static Set<String> names() {
        return Stream.of(values()).map(SaleConsumer::consumerName).collect(Collectors.toUnmodifiableSet());
    }
}
