package com.rms.payment.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SandboxCardProviderTest {

    private final SandboxCardProvider sandbox = new SandboxCardProvider();

    private static ChargeRequest charge(String token, String key) {
        return new ChargeRequest("acme", 42, 7, 1250, "EUR", token, key);
    }

    private CardCharge pay(String token, String key) {
        ChargeRequest request = charge(token, key);
        return sandbox.charge(request, ProviderKeys.charge(request));
    }

    @Test
    void stripesApprovingTestTokensSucceed() {
        for (String token : new String[] {"tok_visa", "tok_mastercard", "tok_amex"}) {
            CardCharge result = pay(token, "k-" + token);
            assertTrue(result.approved(), token);
            assertTrue(result.providerRef().startsWith("pi_sbx_"), result.providerRef());
            assertNull(result.declineCode());
        }
    }

    @Test
    void decliningTestTokensDeclineWithStripesCodes() {
        assertEquals("generic_decline", pay("tok_chargeDeclined", "k1").declineCode());
        assertEquals("insufficient_funds", pay("tok_chargeDeclinedInsufficientFunds", "k2").declineCode());
        assertEquals("expired_card", pay("tok_chargeDeclinedExpiredCard", "k3").declineCode());
        CardCharge declined = pay("tok_chargeDeclined", "k4");
        assertFalse(declined.approved());
        assertNull(declined.providerRef());
        assertFalse(declined.declineMessage().isBlank());
    }

    @Test
    void unknownTokensAreNeverApproved() {
        for (String token : new String[] {"tok_unknown", "4242424242424242", "TOK_VISA", "tok_visa ", ""}) {
            CardCharge result = pay(token, "k");
            assertFalse(result.approved(), token);
            assertEquals("invalid_token", result.declineCode(), token);
        }
    }

    @Test
    void theSameKeyGivesTheSameReferenceAndAnotherKeyAnother() {
        assertEquals(pay("tok_visa", "key-1").providerRef(), pay("tok_visa", "key-1").providerRef());
        assertNotEquals(pay("tok_visa", "key-1").providerRef(), pay("tok_visa", "key-2").providerRef());
        ChargeRequest otherTenant = new ChargeRequest("other", 42, 7, 1250, "EUR", "tok_visa", "key-1");
        assertNotEquals(pay("tok_visa", "key-1").providerRef(),
                sandbox.charge(otherTenant, ProviderKeys.charge(otherTenant)).providerRef(), "keys are per tenant");
    }

    @Test
    void refundsSucceedForReferencesTheSandboxIssuedOnly() {
        String ref = pay("tok_visa", "key-r").providerRef();
        RefundRequest refund = new RefundRequest("acme", ref, 500, "EUR", "refund-1");
        CardRefund done = sandbox.refund(refund, ProviderKeys.refund(refund));
        assertTrue(done.succeeded());
        assertTrue(done.providerRef().startsWith("re_sbx_"));
        assertEquals(done.providerRef(), sandbox.refund(refund, ProviderKeys.refund(refund)).providerRef(), "idempotent");

        String forged = ref.substring(0, ref.length() - 1) + (ref.endsWith("0") ? "1" : "0");
        for (String bad : new String[] {forged, "pi_3Nx", "pi_sbx_", null}) {
            RefundRequest r = new RefundRequest("acme", bad, 500, "EUR", "refund-2");
            CardRefund refused = sandbox.refund(r, ProviderKeys.refund(r));
            assertFalse(refused.succeeded(), String.valueOf(bad));
            assertNull(refused.providerRef());
        }
    }

    @Test
    void tokensAreRedactedInToString() {
        assertFalse(charge("tok_1Nsecretsecret", "k").toString().contains("secretsecret"));
        assertTrue(charge("tok_visa", "k").toString().contains("tok_visa"), "public test tokens stay readable");
    }
}
