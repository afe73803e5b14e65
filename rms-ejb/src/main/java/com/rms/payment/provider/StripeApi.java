package com.rms.payment.provider;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The subset of the Stripe API the adapter uses, as a MicroProfile REST client interface. It
 * returns the raw {@link Response} (the default exception mapper is disabled) so that a 402
 * decline is read as a value, not thrown.
 */
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public interface StripeApi {

    @POST
    @Path("/v1/payment_intents")
    Response paymentIntents(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, Form form);

    @POST
    @Path("/v1/refunds")
    Response refunds(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, Form form);
}
