package com.rms.pos.sale;

import static com.rms.pos.sale.SaleFixture.eur;
import static com.rms.pos.sale.SaleFixture.line;
import static com.rms.pos.sale.SaleFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.pos.application.DiscountCommand;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.RefundCommand;
import com.rms.pos.application.RefundResult;
import com.rms.pos.application.Settlement;
import com.rms.pos.application.VoidCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The correction dialog: a reason first, the manager's PIN only once the server asks for it, a wrong
 * PIN said as such, what was done said once done, and a refund under one key per attempt.
 */
class CorrectionDialogTest {

    private final SaleFixture f = new SaleFixture();
    private final CorrectionDialog dialog = new CorrectionDialog();
    /** What reached the server, one line a call. */
    private final List<String> calls = new ArrayList<>();

    /** The manager's PIN approves; another PIN, or none, is answered as the server does. */
    private static void approved(String pin) {
        if (!"2222".equals(pin)) {
            throw new AuthorizationException(pin == null ? "a manager must approve" : "the PIN cannot approve this");
        }
    }

    @BeforeEach
    void wire() {
        dialog.check = f.check;
        dialog.screen = f.page;
        dialog.orders = new Orders() {
            @Override
            public OrderView voidLine(long id, long lineId, Long expectedVersion, VoidCommand command) {
                calls.add("void line " + lineId + " of " + id + " at version " + expectedVersion + ": " + command);
                approved(command.managerPin());
                return f.stored(order().version(expectedVersion + 1).lines(line(1, "Burger", 1, true)).view());
            }

            @Override
            public OrderView discount(long id, Long expectedVersion, DiscountCommand command, String managerPin) {
                calls.add("discount " + command + " pin " + managerPin);
                return f.stored(command == null ? order().version(expectedVersion + 1).view()
                        : order().version(expectedVersion + 1).discount(command.type(), command.value().toPlainString()).view());
            }
        };
        dialog.settlement = new Settlement() {
            @Override
            public RefundResult refundOnce(long orderId, RefundCommand command, String key) {
                calls.add(key);
                approved(command.managerPin());
                f.stored(order().version(6).status("PARTIALLY_REFUNDED", "refund").paid("14.08", "5.00").view());
                return new RefundResult(orderId, command.amount(), command.reason(), "maria",
                        List.of(new RefundResult.Part(1, 1, "CASH", command.amount(), null)), "PARTIALLY_REFUNDED", eur("5.00"));
            }

            @Override
            public OrderView reopen(long id, Long expectedVersion, VoidCommand command) {
                calls.add("reopen at version " + expectedVersion);
                throw new ConflictException("order 42 was changed", f.server.get(id));
            }
        };
    }

    @Test
    void aSentLineIsVoidedWithAReasonOnceAManagersPinApprovesIt() {
        f.check.changed(f.stored(order().view()));
        dialog.startVoid(1);
        assertEquals("open actionDialog", f.page.last());
        assertEquals(CheckAction.VOID_LINE, dialog.getAction());
        assertEquals("Burger", dialog.getVoidLine().name());

        dialog.confirmAction();
        assertEquals("refused actionForm: Say why.", f.page.last());
        assertEquals(List.of(), calls, "nothing goes to the server without a reason");

        dialog.setReason("  guest changed their mind ");
        dialog.confirmAction();
        assertEquals("void line 1 of 42 at version 3: VoidCommand[reason=guest changed their mind, managerPin=null]", calls.get(0));
        assertEquals("refused actionForm: This line was sent to the kitchen: a manager must approve.", f.page.last());
        assertTrue(dialog.isApprovalNeeded());

        dialog.confirmAction();
        assertEquals("refused actionForm: A manager's PIN is needed.", f.page.last());
        assertEquals(1, calls.size());

        dialog.setManagerPin("1111");
        dialog.confirmAction();
        assertEquals("refused actionForm: That PIN cannot approve this void.", f.page.last());
        assertNull(dialog.getManagerPin(), "a PIN is never kept for the next try");

        dialog.setManagerPin("2222");
        dialog.confirmAction();
        assertEquals(List.of("close actionDialog", "INFO Line voided."), f.page.said.subList(f.page.said.size() - 2, f.page.said.size()));
        assertEquals("VOIDED", f.check.getOrder().lines().get(0).status(), "the check is shown as the server answered");
        assertEquals(4, f.check.version());
        assertNull(dialog.getAction());
        assertFalse(dialog.isApprovalNeeded());

        dialog.confirmAction();
        assertEquals(3, calls.size(), "a repeated tap finds nothing left to do");
    }

    @Test
    void aRefundOffersWhatTheServerSaysMayBeGivenBackAndEachAttemptHasItsKey() {
        f.check.changed(f.stored(order().status("COMPLETED", "refund", "reopen").paid("14.08", "0.00").view()));
        dialog.startRefund();
        assertEquals(eur("14.08"), dialog.getActionAmount(), "offered: what the server says may be refunded");
        assertEquals(eur("14.08"), dialog.getRefundable());
        dialog.setActionAmount(eur("5.00"));
        dialog.setReason("salad was cold");
        dialog.confirmAction();
        assertEquals("refused actionForm: A refund: a manager must approve.", f.page.last());
        dialog.setManagerPin("2222");
        dialog.confirmAction();
        assertNotEquals(calls.get(0), calls.get(1), "refused, the key was released: the approved refund is a new one");
        assertEquals("INFO Refunded EUR 5.00: partly refunded, EUR 5.00 refunded in all.", f.page.last());
        assertEquals("Refunded EUR 5.00 (Cash EUR 5.00)", dialog.getLastRefund());
        assertEquals("PARTIALLY_REFUNDED", f.check.getOrder().status());
        assertEquals(eur("9.08"), dialog.getRefundable());
    }

    @Test
    void theDiscountDialogShowsTheChecksDiscountToChangeOrRemoveIt() {
        f.check.changed(f.stored(order().discount("PERCENT", "10").view()));
        dialog.startDiscount();
        assertEquals("PERCENT", dialog.getDiscountType());
        assertEquals(eur("10"), dialog.getActionAmount());
        assertEquals("regular guest", dialog.getReason());

        dialog.chooseDiscountType("AMOUNT");
        dialog.setActionAmount(eur("2.00"));
        dialog.confirmAction();
        assertEquals("discount DiscountCommand[type=AMOUNT, value=2.00, reason=regular guest] pin null", calls.get(0));
        assertEquals("INFO Discount of EUR 2.00 given.", f.page.last());

        dialog.startDiscount();
        dialog.removeDiscount();
        assertEquals("discount null pin null", calls.get(1));
        assertEquals(List.of("close actionDialog", "INFO Discount removed."), f.page.said.subList(f.page.said.size() - 2, f.page.said.size()));
        assertNull(f.check.getOrder().discount());
    }

    @Test
    void aCheckChangedMeanwhileIsShownAsItIsNowAndTheDialogSaysWhy() {
        f.check.changed(f.stored(order().status("COMPLETED", "refund", "reopen").paid("5.00", "0.00").view()));
        f.stored(order().version(5).status("COMPLETED", "refund", "reopen").paid("5.00", "0.00").view());
        int reads = f.reads;
        dialog.startReopen();
        dialog.setReason("guest ordered dessert");
        dialog.confirmAction();
        assertEquals(List.of("reopen at version 3"), calls);
        assertEquals("refused actionForm: The check was changed on another device; it is shown as it is now. Try again.",
                f.page.last());
        assertEquals(reads + 1, f.reads);
        assertEquals(5, f.check.version());
        assertEquals(CheckAction.REOPEN, dialog.getAction(), "the dialog stays, for another try");
    }
}
