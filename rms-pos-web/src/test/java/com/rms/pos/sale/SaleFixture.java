package com.rms.pos.sale;

import com.rms.payment.application.PaymentView;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.security.Role;
import com.rms.pos.application.DiscountView;
import com.rms.pos.application.Kitchen;
import com.rms.pos.application.OrderLineView;
import com.rms.pos.application.OrderQueries;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.TicketView;
import com.rms.pos.terminal.SignedIn;
import jakarta.faces.application.FacesMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sale screen's beans without a server: the checks as the server would answer them, the page as
 * a record of what the beans did to it, and one {@link CurrentCheck} of terminal at outlet 1 (EUR).
 */
final class SaleFixture {

    static final long OUTLET = 1;

    /** What the beans did to the page, each as one line: "WARN text", "refused actionForm: text", "open payDialog", … */
    static final class Page implements SaleScreen {
        final List<String> said = new ArrayList<>();

        @Override
        public void tell(FacesMessage.Severity severity, String text) {
            said.add((severity == FacesMessage.SEVERITY_INFO ? "INFO" : severity == FacesMessage.SEVERITY_WARN ? "WARN" : "ERROR")
                    + " " + text);
        }

        @Override
        public void refuse(String form, String text) {
            said.add("refused " + form + ": " + text);
        }

        @Override
        public void open(String dialog, String form) {
            said.add("open " + dialog);
        }

        @Override
        public void close(String dialog) {
            said.add("close " + dialog);
        }

        @Override
        public void update(String clientId) {
            said.add("update " + clientId);
        }

        @Override
        public void redirect(String page) throws IOException {
            said.add("redirect " + page);
        }

        String last() {
            return said.isEmpty() ? null : said.get(said.size() - 1);
        }
    }

    final Page page = new Page();
    /** The orders as the server holds them now, by id. */
    final Map<Long, OrderView> server = new HashMap<>();
    /** The kitchen's HELD tickets of the outlet. */
    final List<TicketView> held = new ArrayList<>();
    int reads;
    final CurrentCheck check = new CurrentCheck();

    SaleFixture() {
        check.session = SignedIn.at(OUTLET, "Mitte", Role.CASHIER);
        check.screen = page;
        check.queries = new OrderQueries() {
            @Override
            public OrderView get(long id) {
                reads++;
                OrderView found = server.get(id);
                if (found == null) {
                    throw new NotFoundException("no order " + id);
                }
                return found;
            }

            @Override
            public Optional<OrderView> openAt(long outletId, long tableId) {
                return server.values().stream().filter(o -> o.outletId() == outletId && Long.valueOf(tableId).equals(o.tableId()))
                        .filter(o -> o.actions().contains("addLines")).max(Comparator.comparing(OrderView::id));
            }
        };
        check.kitchen = new Kitchen() {
            @Override
            public List<TicketView> tickets(long outletId, String status, String station) {
                return "HELD".equals(status) ? held : List.of();
            }
        };
        check.orders = new Orders();
    }

    /** The server's orders service, as the test has it answer. */
    void orders(Orders orders) {
        check.orders = orders;
    }

    /** Stores {@code order} on the server and returns it. */
    OrderView stored(OrderView order) {
        server.put(order.id(), order);
        return order;
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    /** A line of 5.00 as an open check has it: sold (the server lets it be voided) or voided. */
    static OrderLineView line(long id, String name, int course, boolean voided) {
        return line(id, name, course, voided, voided ? List.of() : List.of("void"));
    }

    static OrderLineView line(long id, String name, int course, boolean voided, List<String> actions) {
        return new OrderLineView(id, 100 + id, "SKU" + id, name, 1, eur("5.00"), List.of(), null, course, "grill",
                eur("5.00"), eur("0.00"), eur("0.80"), voided ? eur("0.00") : eur("5.00"), voided ? "VOIDED" : "ACTIVE",
                false, voided ? "guest changed their mind" : null, actions);
    }

    /** A check as the server answers it; build one with {@link #order}. */
    static final class Check {
        long id = 42;
        long version = 3;
        String status = "OPEN";
        Long tableId;
        Long customerId;
        List<String> actions = List.of("addLines", "discount", "customer", "voidLine", "send", "pay", "void");
        List<OrderLineView> lines = List.of(line(1, "Burger", 1, false));
        DiscountView discount;
        BigDecimal total = eur("5.00");
        BigDecimal paid = eur("0.00");
        BigDecimal refunded = eur("0.00");
        BigDecimal refundable = eur("0.00");
        List<PaymentView> payments = List.of();

        Check version(long v) {
            version = v;
            return this;
        }

        Check status(String s, String... allowed) {
            status = s;
            actions = List.of(allowed);
            return this;
        }

        Check table(long table) {
            tableId = table;
            return this;
        }

        Check customer(Long customer) {
            customerId = customer;
            return this;
        }

        Check lines(OrderLineView... l) {
            lines = List.of(l);
            return this;
        }

        Check discount(String type, String value) {
            discount = new DiscountView(type, eur(value), "regular guest", null);
            return this;
        }

        Check paid(String amount, String refundedSoFar) {
            paid = eur(amount);
            refunded = eur(refundedSoFar);
            refundable = paid.subtract(refunded);
            return this;
        }

        OrderView view() {
            return new OrderView(id, OUTLET, String.valueOf(id), tableId == null ? "TAKEAWAY" : "DINE_IN", tableId, customerId,
                    status, "EUR", lines, discount, total, eur("0.00"), eur("0.80"), total, eur("0.00"), paid, refunded,
                    refundable, total.subtract(paid), payments, version, "clara", null, null, actions);
        }
    }

    static Check order() {
        return new Check();
    }
}
