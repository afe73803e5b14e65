package com.rms.platform.security;

/** The roles of the public contract, carried in the JWT {@code groups} claim. */
public enum Role {
    PLATFORM_ADMIN, OWNER, MANAGER, CASHIER, WAITER, KITCHEN, BATCH_OPERATOR, PARTNER;

    /** Role names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
        public static final String OWNER = "OWNER";
        public static final String MANAGER = "MANAGER";
        public static final String CASHIER = "CASHIER";
        public static final String WAITER = "WAITER";
        public static final String KITCHEN = "KITCHEN";
        public static final String BATCH_OPERATOR = "BATCH_OPERATOR";
        public static final String PARTNER = "PARTNER";

        private Names() {
        }
    }
}
