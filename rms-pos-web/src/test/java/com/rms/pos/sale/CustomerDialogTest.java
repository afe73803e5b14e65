package com.rms.pos.sale;

import static com.rms.pos.sale.SaleFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.customer.application.CustomerCommand;
import com.rms.customer.application.CustomerView;
import com.rms.customer.application.Customers;
import com.rms.customer.application.FoundOrCreated;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.idempotency.Attempt;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.LineCommand;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer dialog: the guest found or added, put on the check (or on the check about to be created) and taken off. */
class CustomerDialogTest {

    private static final CustomerView ADA = new CustomerView(9, "Ada Guest", "+4917012345678", null, 0, false, null);

    private final SaleFixture f = new SaleFixture();
    private final CustomerDialog dialog = new CustomerDialog();
    private final List<Object> calls = new ArrayList<>();

    @BeforeEach
    void wire() {
        dialog.check = f.check;
        dialog.screen = f.page;
        dialog.customers = new Customers() {
            @Override
            public FoundOrCreated findOrCreate(CustomerCommand command) {
                calls.add(command);
                if (command.phone() == null && command.email() == null) {
                    throw new ValidationException("the request has invalid fields",
                            List.of(new FieldError("phone", "a phone or an email is required")));
                }
                return new FoundOrCreated(ADA, command.name() != null);
            }

            @Override
            public CustomerView get(long id) {
                return ADA;
            }
        };
        Orders orders = new Orders() {
            @Override
            public OrderView create(CreateOrderCommand command, Attempt attempt) {
                calls.add(command);
                return f.stored(order().customer(command.customerId()).view());
            }

            @Override
            public OrderView customer(long id, Long expectedVersion, Long customerId) {
                calls.add("customer " + customerId + " on " + id + " at version " + expectedVersion);
                return f.stored(order().version(expectedVersion + 1).customer(customerId).view());
            }
        };
        dialog.orders = orders;
        f.orders(orders);
    }

    @Test
    void aGuestNamedBeforeTheFirstLineGoesWithTheChecksCreation() {
        dialog.start();
        assertEquals("open customerDialog", f.page.last());
        dialog.setPhone(" +4917012345678 ");
        dialog.setName("Ada Guest");
        dialog.setEmail(" ");
        dialog.find();
        assertEquals(new CustomerCommand("Ada Guest", "+4917012345678", null), calls.get(0));
        assertEquals(List.of("open customerDialog", "close customerDialog", "INFO New customer Ada Guest is on the check."),
                f.page.said);
        assertEquals("Ada Guest", dialog.getLabel());

        f.check.add(new LineCommand(20L, 1, List.of(), null, 1));
        assertEquals(9L, ((CreateOrderCommand) calls.get(1)).customerId());
        assertEquals("Ada Guest", dialog.getLabel(), "the customer stays on the check");
    }

    @Test
    void aGuestIsPutOnAnOpenCheckAndTakenOff() {
        f.check.changed(f.stored(order().view()));
        dialog.start();
        dialog.setPhone("+4917012345678");
        dialog.find();
        assertEquals("customer 9 on 42 at version 3", calls.get(1));
        assertEquals("INFO Customer Ada Guest is on the check.", f.page.last());
        assertEquals(9L, f.check.getOrder().customerId());

        dialog.remove();
        assertEquals("customer null on 42 at version 4", calls.get(2));
        assertEquals("INFO No customer on the check.", f.page.last());
        assertNull(dialog.getCustomer());
    }

    @Test
    void aRefusedLookUpIsSaidInTheDialogAndChangesNothing() {
        dialog.start();
        dialog.find();
        assertEquals("refused customerForm: the request has invalid fields: phone a phone or an email is required",
                f.page.last());
        assertNull(dialog.getCustomer());
    }

    @Test
    void theCustomerIsChangedWhileTheServerAllowsIt() {
        assertTrue(dialog.isChangeable(), "a new check");
        f.check.changed(f.stored(order().view()));
        assertTrue(dialog.isChangeable());
        f.check.changed(f.stored(order().status("COMPLETED", "refund", "reopen").paid("5.00", "0.00").view()));
        assertFalse(dialog.isChangeable(), "a paid check keeps its customer");
    }
}
