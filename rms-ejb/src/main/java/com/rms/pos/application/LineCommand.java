package com.rms.pos.application;

import java.util.List;

/** A line to add: a menu item, how many, the chosen modifiers (per portion), a note for the kitchen, a course (default 1). */
public record LineCommand(Long menuItemId, Integer quantity, List<Long> modifierIds, String note, Integer course) {
}
