package com.rms.pos.sale;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the modifier dialog has ticked for one item, group by group, held to each group's min and
 * max while the cashier taps: a group that allows one choice behaves like radio buttons, a group
 * at its maximum refuses one more. The server checks the same rule again when the line is added.
 */
public final class ModifierSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<Long> chosen = new LinkedHashSet<>();

    public boolean isChosen(long modifierId) {
        return chosen.contains(modifierId);
    }

    /**
     * Ticks or unticks a modifier of {@code group}; answers why it was refused, if it was.
     */
    public Optional<String> toggle(MenuBoard.ModifierGroup group, long modifierId) {
        if (chosen.remove(modifierId)) {
            return Optional.empty();
        }
        List<Long> inGroup = inGroup(group);
        if (group.max() == 1 && !inGroup.isEmpty()) {
            chosen.removeAll(inGroup);
        } else if (inGroup.size() >= group.max()) {
            return Optional.of(group.name() + ": at most " + group.max() + ".");
        }
        chosen.add(modifierId);
        return Optional.empty();
    }

    /** The first group whose choice is outside its min and max, as the message the dialog shows. */
    public Optional<String> problem(List<MenuBoard.ModifierGroup> groups) {
        for (MenuBoard.ModifierGroup group : groups) {
            int count = inGroup(group).size();
            if (count < group.min()) {
                return Optional.of(group.name() + ": choose at least " + group.min() + ".");
            }
            if (count > group.max()) {
                return Optional.of(group.name() + ": at most " + group.max() + ".");
            }
        }
        return Optional.empty();
    }

    public List<Long> ids() {
        return new ArrayList<>(chosen);
    }

    private List<Long> inGroup(MenuBoard.ModifierGroup group) {
        return group.modifiers().stream().map(MenuBoard.Modifier::id).filter(chosen::contains).toList();
    }
}
