package com.rms.online.application;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A partner to create: its name, where its webhooks go (optional), and the outlets it may send orders to. */
public record PartnerCommand(
        @NotNull @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        String webhookUrl,
        @NotEmpty(message = "must name at least one outlet") @Size(max = 500) Set<@NotNull Long> outletIds) {
}
