package com.rms.online.admin;

import com.rms.tenancy.application.OutletView;
import java.util.List;
import java.util.Map;

/**
 * The partners form's side of the service's answers: where a field error of {@code Partners.create}
 * goes on the form, and how a partner's outlets read in the list. Nothing here decides what is valid.
 */
final class PartnerLabels {

    /** The form's inputs, named as the service names their fields. */
    static final List<String> INPUTS = List.of("name", "webhookUrl", "outletIds");

    private PartnerLabels() {
    }

    /**
     * The component under {@code form} of a service field error ({@code webhookUrl}, or
     * {@code outletIds[].<iterable element>} for one of the outlets), or null when the form has no
     * input for it (the error is then shown at the top).
     */
    static String clientId(String form, String field) {
        if (field == null) {
            return null;
        }
        int end = field.length();
        for (char stop : new char[] {'[', '.'}) {
            int at = field.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String name = field.substring(0, end);
        return INPUTS.contains(name) ? form + ":" + name : null;
    }

    /**
     * A partner's outlets by name, in the order given ({@code outlet 7} for one the list of outlets
     * does not hold, {@code (closed)} after one that is closed), joined with commas.
     */
    static String outlets(List<Long> outletIds, Map<Long, OutletView> outlets) {
        if (outletIds == null || outletIds.isEmpty()) {
            return "\u2013";
        }
        return String.join(", ", outletIds.stream().map(id -> {
            OutletView outlet = outlets.get(id);
            if (outlet == null) {
                return "outlet " + id;
            }
            return outlet.active() ? outlet.name() : outlet.name() + " (closed)";
        }).toList());
    }
}
