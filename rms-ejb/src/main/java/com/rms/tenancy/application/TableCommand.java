package com.rms.tenancy.application;

import com.rms.tenancy.domain.TableState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A table to create, or the full new state of one. */
public record TableCommand(
        @NotBlank @Size(max = 40) String label,
        @NotNull @Min(1) @Max(100) Integer seats,
        @Size(max = 60) String area,
        TableState state) {

    public TableState stateOrFree() {
        return state == null ? TableState.FREE : state;
    }
}
