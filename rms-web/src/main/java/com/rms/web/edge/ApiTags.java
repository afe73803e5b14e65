package com.rms.web.edge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI tags of the public API, one per context of the architecture (in the order API.md
 * lists them), with the descriptions {@link OpenApiFilter} declares them with. A resource names its
 * tag with {@code @Tag(name = ApiTags.MENU)}.
 */
public final class ApiTags {

    public static final String AUTH = "Auth";
    public static final String TENANTS = "Tenants";
    public static final String OUTLETS = "Outlets";
    public static final String MENU = "Menu";
    public static final String INVENTORY = "Inventory";
    public static final String ORDERS = "Orders";
    public static final String KITCHEN = "Kitchen";
    public static final String CASH_SESSIONS = "Cash sessions";
    public static final String PAYMENTS = "Payments";
    public static final String STAFF = "Staff";
    public static final String CUSTOMERS = "Customers";
    public static final String ANALYTICS = "Analytics";
    public static final String REPORTS = "Reports";
    public static final String REALTIME = "Realtime";
    public static final String AUDIT = "Audit";
    public static final String OPERATIONS = "Operations";
    public static final String PARTNERS = "Partners";
    public static final String ONLINE_ORDERS = "Online orders";

    /** Every tag and its description, in the order the document lists them. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private ApiTags() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(AUTH, "Sign-in (password, or a PIN at one outlet) for a JWT, and the key set (JWKS) that verifies "
                + "it. Neither needs a token.");
        tags.put(TENANTS, "The platform's tenants (restaurant chains): provisioning, listing, suspending and "
                + "resuming. PLATFORM_ADMIN only; not tenant-scoped (no X-Tenant-ID).");
        tags.put(OUTLETS, "A tenant's outlets (restaurants) and the tables on their floors.");
        tags.put(MENU, "The chain menu (categories, items with modifier groups, tax rates) and the menu as each "
                + "outlet sells it, with its prices and availability.");
        tags.put(INVENTORY, "Stock items, recipes per portion, stock levels, adjustments, transfers and movements "
                + "per outlet, suppliers and purchase orders.");
        tags.put(ORDERS, "Orders at the point of sale: server-priced lines, discounts, sending to the kitchen, "
                + "payments, refunds, void, re-open, receipts. Creating, paying and refunding require an "
                + "Idempotency-Key.");
        tags.put(KITCHEN, "The kitchen display's tickets per outlet and station, and bumping them on.");
        tags.put(CASH_SESSIONS, "An outlet's cash drawer: opening a session with a float, closing it with the "
                + "count for the Z report.");
        tags.put(PAYMENTS, "The card provider account that serves a tenant (PLATFORM_ADMIN). Payments of an "
                + "order are taken under Orders.");
        tags.put(STAFF, "A tenant's staff accounts: roles, outlets, PINs, hourly rates.");
        tags.put(CUSTOMERS, "Customers as the POS needs them: find or create by phone or email, search, "
                + "loyalty points.");
        tags.put(ANALYTICS, "Sales over business days, grouped, and the live dashboard of an outlet's day.");
        tags.put(REPORTS, "Report jobs (Jakarta Batch, partitioned per outlet), their runs and outputs "
                + "(CSV, PDF, JSON), and their schedules.");
        tags.put(REALTIME, "The short-lived token that opens one /ws/events socket. The socket itself is not an HTTP "
                + "operation: its messages are {type, outletId, at, data}, only of the caller's tenant and outlets.");
        tags.put(AUDIT, "The tenant's tamper-evident audit trail and the check of its hash chain.");
        tags.put(OPERATIONS, "For operators: the platform's status and the messages in the exception "
                + "destinations (all tenants' for the platform admin, a chain's own for its owner), and their "
                + "re-drive. Health is at /health, metrics at /metrics.");
        tags.put(PARTNERS, "Delivery platforms and web shops that send online orders: their keys (OWNER), and what a "
                + "partner's signed requests (X-RMS-Key-Id, X-RMS-Timestamp, X-RMS-Signature) may reach.");
        tags.put(ONLINE_ORDERS, "Orders from delivery platforms and web shops: sent and cancelled by a partner's "
                + "signed requests, accepted, rejected and moved along by the outlet's staff; each is an order of "
                + "channel ONLINE. The outlet's accept deadline and preparation time.");
        return Collections.unmodifiableMap(tags);
    }
}
