package com.rms.payment.provider;

import java.util.Optional;

/** Where the gateway finds a tenant's own provider account (set by the platform admin); empty: the environment's. */
public interface ProviderAccounts {

    Optional<ProviderAccount> of(String tenant);
}
