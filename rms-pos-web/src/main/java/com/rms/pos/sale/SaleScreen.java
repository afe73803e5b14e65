package com.rms.pos.sale;

import jakarta.faces.application.FacesMessage;
import java.io.IOException;

/**
 * What the sale screen's beans do to the page besides answering its expressions: tell the cashier
 * something, open and close a dialog, redraw a part, send the browser elsewhere. One seam, so that the
 * screen's and each dialog's logic runs in a plain test without a Faces request; {@link FacesSaleScreen}
 * is the page's.
 */
public interface SaleScreen {

    /** A message for the whole screen. */
    void tell(FacesMessage.Severity severity, String text);

    /** An error shown inside the dialog whose form is {@code form}, not on the screen. */
    void refuse(String form, String text);

    /** Redraws the dialog's {@code form} and shows the dialog (its {@code widgetVar}). */
    void open(String dialog, String form);

    /** Hides the dialog (its {@code widgetVar}). */
    void close(String dialog);

    /** Redraws the component {@code clientId} with the answer to this Ajax request. */
    void update(String clientId);

    /** Sends the browser to another page of the POS, e.g. {@code kitchen.xhtml}. */
    void redirect(String page) throws IOException;
}
