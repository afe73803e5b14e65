package com.rms.pos.sale;

import com.rms.pos.application.LineCommand;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * The modifier dialog: an item with modifiers tapped on the menu, its modifiers chosen group by group,
 * how many, a note for the kitchen and the course, then put on the check.
 */
@Named
@ViewScoped
public class ModifierDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCheck check;

    @Inject
    SaleScreen screen;

    private MenuBoard.Item pending;
    private ModifierSelection selection = new ModifierSelection();
    private int quantity = 1;
    private String note;
    private int course = 1;

    /** Opens the dialog for {@code item}, nothing chosen yet, one portion for {@code currentCourse}. */
    public void open(MenuBoard.Item item, int currentCourse) {
        pending = item;
        selection = new ModifierSelection();
        quantity = 1;
        note = null;
        course = currentCourse;
        screen.open("modifierDialog", "modifierForm");
    }

    public void toggleModifier(long groupId, long modifierId) {
        Optional.ofNullable(pending).flatMap(i -> i.modifierGroups().stream().filter(g -> g.id() == groupId).findFirst())
                .flatMap(g -> selection.toggle(g, modifierId))
                .ifPresent(refused -> screen.tell(FacesMessage.SEVERITY_WARN, refused));
    }

    public void more() {
        quantity = Math.min(quantity + 1, 99);
    }

    public void less() {
        quantity = Math.max(quantity - 1, 1);
    }

    /** Puts the item on the check, if every modifier group's min and max is met. */
    public void addPending() {
        if (pending == null) {
            return;
        }
        Optional<String> problem = selection.problem(pending.modifierGroups());
        if (problem.isPresent()) {
            screen.tell(FacesMessage.SEVERITY_ERROR, problem.get());
            return;
        }
        LineCommand line = new LineCommand(pending.id(), quantity, selection.ids(),
                note == null || note.isBlank() ? null : note.trim(), course);
        if (check.add(line)) {
            screen.close("modifierDialog");
        }
    }

    /** The item being chosen for, or none before the first tap. */
    public MenuBoard.Item getPending() {
        return pending;
    }

    public ModifierSelection getSelection() {
        return selection;
    }

    public int getQuantity() {
        return quantity;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public int getCourse() {
        return course;
    }

    public void setCourse(int course) {
        this.course = Math.max(1, Math.min(course, 9));
    }
}
