package com.rms.inventory.domain;

/** What a recipe belongs to: a menu item (per portion) or a modifier (per portion it is chosen for). */
public enum RecipeTarget {
    ITEM, MODIFIER
}
