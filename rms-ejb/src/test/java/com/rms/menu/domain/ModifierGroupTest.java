package com.rms.menu.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModifierGroupTest {

    private static final List<Modifier> TWO = List.of(new Modifier("Cheese", new BigDecimal("1.00"), 0),
            new Modifier("Bacon", new BigDecimal("1.50"), 1));

    @Test
    void choicesMustFitTheModifiers() {
        assertEquals(2, new ModifierGroup("Extras", 0, 2, 0, TWO).getMaxChoices());
        assertThrows(IllegalArgumentException.class, () -> new ModifierGroup("Extras", 0, 3, 0, TWO));
        assertThrows(IllegalArgumentException.class, () -> new ModifierGroup("Extras", 2, 1, 0, TWO));
        assertThrows(IllegalArgumentException.class, () -> new ModifierGroup("Extras", -1, 1, 0, TWO));
    }
}
