package it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api.Reply;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Card payments on the sandbox provider (no RMS_PAYMENT_CARD_URL): Stripe's test tokens, said so in the status. */
@Tag("sandbox")
class SandboxPaymentIT {

    static CardOrders shop;

    @BeforeAll
    static void onlyOnTheSandbox() {
        JsonObject provider = CardOrders.provider();
        assertEquals("sandbox", provider.getString("provider"), () -> "runs only on the sandbox (tag sandbox): " + provider);
        assertFalse(provider.containsKey("url") && !provider.isNull("url"), provider::toString);
        assertEquals("CLOSED", provider.getString("circuit"));
        shop = new CardOrders("sbx");
    }

    @Test
    void tokVisaPaysTheOrder() {
        JsonObject order = shop.order();
        Reply paid = shop.pay(order, "tok_visa", UUID.randomUUID().toString());
        assertEquals(201, paid.status(), paid::toString);
        assertEquals("SUCCEEDED", paid.json().getString("status"));
        assertTrue(paid.json().getString("providerRef").startsWith("pi_sbx_"), paid::toString);
        assertEquals("COMPLETED", shop.get(order).getString("status"));
    }

    @Test
    void decliningTokensAndUnknownTokensAre422AndTheOrderStaysPayable() {
        JsonObject order = shop.order();
        Reply declined = shop.pay(order, "tok_chargeDeclined", UUID.randomUUID().toString());
        assertEquals(422, declined.status(), declined::toString);
        assertTrue(CardOrders.mentions(declined, "generic_decline", "declined"), declined::toString);
        Reply unknown = shop.pay(order, "tok_made_up", UUID.randomUUID().toString());
        assertEquals(422, unknown.status(), unknown::toString);
        assertTrue(CardOrders.mentions(unknown, "invalid_token", "token"), unknown::toString);
        assertNotEquals("COMPLETED", shop.get(order).getString("status"));
        assertEquals(201, shop.pay(order, "tok_amex", UUID.randomUUID().toString()).status());
    }

    @Test
    void theSameIdempotencyKeyInTwoTenantsGivesTwoDifferentCharges() {
        CardOrders other = new CardOrders("sbx2");
        String key = UUID.randomUUID().toString();
        Reply a = shop.pay(shop.order(), "tok_visa", key);
        Reply b = other.pay(other.order(), "tok_visa", key);
        assertEquals(201, a.status(), a::toString);
        assertEquals(201, b.status(), b::toString);
        assertNotEquals(a.json().getString("providerRef"), b.json().getString("providerRef"));
    }
}
