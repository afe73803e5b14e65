package com.rms.pos.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MenuBoardTest {

    /** The shape OutletMenus renders (and GET /outlets/{id}/menu serves). */
    static final String MENU = """
            {"outletId":7,"currency":"EUR","revision":3,"categories":[
              {"id":1,"name":"Mains","sortOrder":1,"parentId":null,"items":[
                {"id":10,"sku":"BURGER","name":"Bistro Burger","price":12.50,"station":"GRILL","available":true,
                 "taxRate":{"id":1,"name":"Food","rate":7,"inclusive":true},"description":"Beef",
                 "modifierGroups":[{"id":5,"name":"Extras","min":0,"max":2,"modifiers":[
                   {"id":51,"name":"Cheese","priceDelta":1.00},{"id":52,"name":"Bacon","priceDelta":1.50},
                   {"id":53,"name":"Egg","priceDelta":1.20}]},
                   {"id":6,"name":"Cooking","min":1,"max":1,"modifiers":[
                   {"id":61,"name":"Medium","priceDelta":0},{"id":62,"name":"Well done","priceDelta":0}]}]},
                {"id":11,"sku":"SOUP","name":"Soup","price":6,"station":"KITCHEN","available":false,
                 "taxRate":{"id":1,"name":"Food","rate":7,"inclusive":true},"description":null,"modifierGroups":[]}]},
              {"id":2,"name":"Empty","sortOrder":2,"parentId":null,"items":[]},
              {"id":3,"name":"Drinks","sortOrder":3,"parentId":null,"items":[
                {"id":20,"sku":"COLA","name":"Cola","price":3.2,"station":"BAR","available":true,
                 "taxRate":{"id":2,"name":"Drinks","rate":19,"inclusive":true},"description":null,"modifierGroups":[]}]}]}
            """;

    @Test
    void readsCategoriesItemsAvailabilityAndModifierRules() {
        MenuBoard board = MenuBoard.parse(MENU);
        assertEquals("EUR", board.currency());
        assertEquals(List.of("Mains", "Drinks"), board.categories().stream().map(MenuBoard.Category::name).toList(),
                "a category with nothing to sell is no tab");
        MenuBoard.Item burger = board.item(10).orElseThrow();
        assertEquals(new BigDecimal("12.50"), burger.price());
        assertTrue(burger.hasModifiers());
        assertEquals("up to 2", burger.modifierGroups().get(0).rule());
        assertEquals("choose 1", burger.modifierGroups().get(1).rule());
        assertFalse(board.item(11).orElseThrow().available());
        assertEquals(List.of("BAR", "GRILL", "KITCHEN"), board.stations());
    }

    @Test
    void theModifierDialogHoldsEachGroupToItsMinAndMax() {
        MenuBoard.Item burger = MenuBoard.parse(MENU).item(10).orElseThrow();
        MenuBoard.ModifierGroup extras = burger.modifierGroups().get(0);
        MenuBoard.ModifierGroup cooking = burger.modifierGroups().get(1);
        ModifierSelection selection = new ModifierSelection();

        assertEquals(Optional.of("Cooking: choose at least 1."), selection.problem(burger.modifierGroups()));
        assertEquals(Optional.empty(), selection.toggle(extras, 51));
        assertEquals(Optional.empty(), selection.toggle(extras, 52));
        assertEquals(Optional.of("Extras: at most 2."), selection.toggle(extras, 53));
        assertFalse(selection.isChosen(53));

        // a one-choice group swaps like a radio button
        selection.toggle(cooking, 61);
        selection.toggle(cooking, 62);
        assertFalse(selection.isChosen(61));
        assertTrue(selection.isChosen(62));
        assertEquals(Optional.empty(), selection.problem(burger.modifierGroups()));
        assertEquals(List.of(51L, 52L, 62L), selection.ids());

        selection.toggle(extras, 51); // untick
        assertEquals(List.of(52L, 62L), selection.ids());
    }

    @Test
    void amountsPrintWithTheCurrencysMinorDigits() {
        assertEquals("EUR 12.50", Money.format("EUR", new BigDecimal("12.5")));
        assertEquals("EUR 3.00", Money.format("EUR", new BigDecimal("3")));
        assertEquals("JPY 1200", Money.format("JPY", new BigDecimal("1200")));
        assertEquals("EUR 10.00", Money.format("EUR", new BigDecimal("10.000")));
        assertEquals("EUR 10.005", Money.format("EUR", new BigDecimal("10.005")), "never rounds what the server sent");
        assertEquals("", Money.format("EUR", null));
    }
}
