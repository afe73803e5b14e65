package com.rms.online.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.rms.tenancy.application.OutletView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnerLabelsTest {

    private static OutletView outlet(long id, String name, boolean active) {
        return new OutletView(id, name, "Main St 1", null, "Europe/Berlin", "EUR", active, 0, null, null);
    }

    @Test
    void placesTheServicesFieldErrorsAtTheDialogsInputs() {
        assertEquals("partnerForm:name", PartnerLabels.clientId("partnerForm", "name"));
        assertEquals("partnerForm:webhookUrl", PartnerLabels.clientId("partnerForm", "webhookUrl"));
        assertEquals("partnerForm:outletIds", PartnerLabels.clientId("partnerForm", "outletIds"));
        // Bean Validation names an element of the set by its path
        assertEquals("partnerForm:outletIds", PartnerLabels.clientId("partnerForm", "outletIds[].<iterable element>"));
        assertEquals("partnerForm:outletIds", PartnerLabels.clientId("partnerForm", "outletIds.x"));
    }

    @Test
    void aFieldTheFormHasNoInputForGoesToTheTop() {
        assertNull(PartnerLabels.clientId("partnerForm", "secret"));
        assertNull(PartnerLabels.clientId("partnerForm", "names"));
        assertNull(PartnerLabels.clientId("partnerForm", ""));
        assertNull(PartnerLabels.clientId("partnerForm", null));
    }

    @Test
    void namesAPartnersOutletsMarkingClosedAndUnknownOnes() {
        Map<Long, OutletView> outlets = Map.of(1L, outlet(1, "Harbour", true), 2L, outlet(2, "Station", false));
        assertEquals("Harbour", PartnerLabels.outlets(List.of(1L), outlets));
        assertEquals("Harbour, Station (closed), outlet 9", PartnerLabels.outlets(List.of(1L, 2L, 9L), outlets));
        assertEquals("\u2013", PartnerLabels.outlets(List.of(), outlets));
        assertEquals("\u2013", PartnerLabels.outlets(null, outlets));
    }
}
