package com.rms.admin.faces;

import com.rms.platform.error.RmsException;
import com.rms.platform.error.RmsException.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts the services' errors where the user looks: a field error next to its input (the service
 * names fields as the API does, a form maps them to its component ids), anything else at the top.
 */
public final class Messages {

    private Messages() {
    }

    /**
     * Shows each field error of {@code error} on the component {@code fields} maps its field to,
     * and the error itself as a global message when no field error could be placed.
     */
    public static void show(RmsException error, Map<String, String> fields) {
        show(error, (Function<String, String>) fields::get);
    }

    /**
     * As {@link #show(RmsException, Map)}, for forms whose fields repeat ({@code modifierGroups[0].max}):
     * {@code fields} gives the client id of a field's component, or null when the form has none.
     */
    public static void show(RmsException error, Function<String, String> fields) {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean placed = false;
        for (FieldError field : error.errors()) {
            String clientId = fields.apply(field.field());
            if (clientId != null) {
                faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalise(field.message()), null));
                placed = true;
            } else {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        field.field() + ": " + field.message(), null));
            }
        }
        if (!placed) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalise(error.getMessage()), null));
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Please correct the marked fields.", null));
        }
        faces.validationFailed();
    }

    /** Shows {@code text} next to one component (a conflict on a unique value, for example). */
    public static void error(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalise(text), null));
        faces.validationFailed();
    }

    /** Shows {@code text} at the top as news (something was saved or started). */
    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
