package com.rms.pos.sale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.primefaces.PrimeFaces;

/** The sale screen's page, as the Faces request being answered and PrimeFaces' dialogs see it. */
@ApplicationScoped
public class FacesSaleScreen implements SaleScreen {

    @Override
    public void tell(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    @Override
    public void refuse(String form, String text) {
        FacesContext.getCurrentInstance().addMessage(form, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    @Override
    public void open(String dialog, String form) {
        PrimeFaces.current().ajax().update(form);
        PrimeFaces.current().executeScript("PF('" + dialog + "').show()");
    }

    @Override
    public void close(String dialog) {
        PrimeFaces.current().executeScript("PF('" + dialog + "').hide()");
    }

    @Override
    public void update(String clientId) {
        PrimeFaces.current().ajax().update(clientId);
    }

    @Override
    public void redirect(String page) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/" + page);
    }
}
