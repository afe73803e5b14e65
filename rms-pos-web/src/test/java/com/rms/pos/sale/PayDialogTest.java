package com.rms.pos.sale;

import static com.rms.pos.sale.SaleFixture.eur;
import static com.rms.pos.sale.SaleFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rms.platform.error.BusinessRuleException;
import com.rms.pos.application.PaymentResult;
import com.rms.pos.application.Settlement;
import com.rms.pos.application.TenderCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pay dialog: the tender it sends, the change it shows, and one key per payment until the server answers. */
class PayDialogTest {

    private final SaleFixture f = new SaleFixture();
    private final PayDialog dialog = new PayDialog();
    private final List<String> keys = new ArrayList<>();
    private final List<TenderCommand> tenders = new ArrayList<>();
    /** How the server answers the next payment. */
    private Function<TenderCommand, PaymentResult> answer;

    @BeforeEach
    void aCheckOfFiveEuros() {
        dialog.check = f.check;
        dialog.screen = f.page;
        dialog.settlement = new Settlement() {
            @Override
            public PaymentResult payOnce(long orderId, TenderCommand command, String key) {
                keys.add(key);
                tenders.add(command);
                return answer.apply(command);
            }
        };
        f.check.changed(f.stored(order().view()));
    }

    /** The server took the tender and the check is paid. */
    private PaymentResult paid(TenderCommand tender, String change) {
        f.stored(order().version(4).status("COMPLETED", "refund", "reopen").paid("5.00", "0.00").view());
        return new PaymentResult(1, 42, tender.method(), tender.amount(), tender.tipOrZero(), tender.tendered(),
                change == null ? null : eur(change), "SUCCEEDED", null, null, null, null, "COMPLETED", eur("0.00"), 4);
    }

    @Test
    void itOpensForTheBalanceInCash() {
        dialog.chooseMethod("CARD");
        dialog.start();
        assertEquals("open payDialog", f.page.last());
        assertEquals("CASH", dialog.getMethod());
        assertEquals(eur("5.00"), dialog.getAmount());
        assertNull(dialog.getTendered());
    }

    @Test
    void cashGoesWithWhatWasHandedOverAndTheChangeIsShownLarge() {
        dialog.start();
        dialog.setTendered(eur("20.00"));
        answer = tender -> paid(tender, "15.00");
        dialog.pay();
        assertEquals(new TenderCommand("CASH", eur("5.00"), null, null, eur("20.00")), tenders.get(0));
        assertEquals("close payDialog", f.page.last());
        assertEquals("Cash EUR 5.00 · tendered EUR 20.00", dialog.getLastPayment());
        assertEquals(eur("15.00"), dialog.getChange());
        assertEquals("COMPLETED", f.check.getOrder().status(), "the check is shown as the server has it now");
    }

    @Test
    void exactCashShowsNoChange() {
        dialog.start();
        answer = tender -> paid(tender, "0.00");
        dialog.pay();
        assertEquals("Cash EUR 5.00", dialog.getLastPayment());
        assertNull(dialog.getChange());
    }

    @Test
    void aCardGoesWithTheTerminalsTokenAndNoCash() {
        dialog.start();
        dialog.setTendered(eur("20.00"));
        dialog.chooseMethod("CARD");
        dialog.setCardToken("  tok_visa ");
        assertEquals(new TenderCommand("CARD", eur("5.00"), null, "tok_visa", null), dialog.tender());
        dialog.setCardToken(" ");
        assertNull(dialog.tender().cardToken(), "no token is none, for the server to refuse");
    }

    @Test
    void aDeclinedCardSaysWhyAndTheNextTryIsANewPayment() {
        dialog.start();
        dialog.chooseMethod("CARD");
        dialog.setCardToken("tok_chargeDeclined");
        answer = tender -> {
            throw new BusinessRuleException("the card was declined: insufficient funds");
        };
        dialog.pay();
        assertEquals("the card was declined: insufficient funds", dialog.getPayError());
        assertEquals("open payDialog", f.page.last(), "the dialog stays open");
        dialog.setCardToken("tok_visa");
        answer = tender -> paid(tender, null);
        dialog.pay();
        assertNotEquals(keys.get(0), keys.get(1), "a declined payment is over; another try is another payment");
        assertNull(dialog.getPayError());
        assertEquals("Card EUR 5.00", dialog.getLastPayment());
        assertNull(dialog.getChange());
    }

    @Test
    void aTapRepeatedBeforeTheServerAnsweredIsTheSamePaymentAndOneAfterItIsNone() {
        dialog.start();
        answer = tender -> {
            throw new IllegalStateException("the answer was lost on the way");
        };
        assertThrows(IllegalStateException.class, dialog::pay);
        answer = tender -> paid(tender, null);
        dialog.pay();
        assertEquals(2, keys.size());
        assertEquals(keys.get(0), keys.get(1), "the same key: the server pays once");
        dialog.pay();
        assertEquals(2, keys.size(), "answered: a tap more pays nothing");
        dialog.start();
        dialog.pay();
        assertNotEquals(keys.get(1), keys.get(2), "the next payment opened has its own key");
    }

    @Test
    void nothingIsPaidBeforeTheCheckExists() {
        SaleFixture empty = new SaleFixture();
        dialog.check = empty.check;
        dialog.screen = empty.page;
        dialog.start();
        dialog.pay();
        assertEquals(List.of(), empty.page.said);
        assertEquals(List.of(), keys);
    }
}
