package com.rms.platform.messaging;

/**
 * The side-effect queues of {@code server.xml}: each is bound at {@code jms/<name>} and has an
 * exception destination {@code <name>.Exception} after its redelivery limit.
 */
public enum EventQueue {
    INVENTORY("RMS.Inventory"),
    ANALYTICS("RMS.Analytics"),
    LOYALTY("RMS.Loyalty"),
    NOTIFICATIONS("RMS.Notifications");

    private final String queueName;

    EventQueue(String queueName) {
        this.queueName = queueName;
    }

    /** The messaging engine's queue name, e.g. {@code RMS.Inventory}. */
    public String queueName() {
        return queueName;
    }

    /** The JNDI name of the queue's JMS destination. */
    public String jndiName() {
        return "jms/" + queueName;
    }

    /** The queue's exception destination (where messages go after the redelivery limit). */
    public String exceptionQueueName() {
        return queueName + ".Exception";
    }

    /** The queue named {@code queueName}, or an exception naming it. */
    public static EventQueue of(String queueName) {
        for (EventQueue q : values()) {
            if (q.queueName.equals(queueName)) {
                return q;
            }
        }
        throw new IllegalArgumentException("no queue " + queueName);
    }
}
