package com.rms.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.analytics.reports.MenuClassification.Classified;
import com.rms.analytics.reports.MenuClassification.Item;
import com.rms.analytics.reports.MenuClassification.MenuClass;
import com.rms.analytics.reports.MenuClassification.Result;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The menu-engineering matrix: the 70 % rule and the average margin at their boundaries, no recipe, no sales. */
class MenuClassificationTest {

    private static Item item(String key, long quantity, String price, String cost) {
        return new Item(key, key, quantity, new BigDecimal(price), new BigDecimal(cost), true);
    }

    private static Classified of(Result result, String key) {
        return result.items().stream().filter(c -> c.item().key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void anItemRightOnTheSeventyPercentLineIsPopularAndOneBelowItIsNot() {
        // 4 items, 40 sold: an equal share is 10, 70 % of it 7
        Result result = MenuClassification.classify(List.of(item("A", 7, "5.00", "1.00"), item("B", 6, "5.00", "1.00"),
                item("C", 27, "5.00", "1.00"), item("D", 0, "5.00", "1.00")), 2);
        assertEquals(new BigDecimal("17.50"), result.popularityPercent());
        assertTrue(of(result, "A").popular(), "7 of 40 is exactly 70 % of a quarter");
        assertFalse(of(result, "B").popular());
        assertTrue(of(result, "C").popular());
        assertFalse(of(result, "D").popular(), "an item nobody ordered counts in N and is not popular");
        assertEquals(new BigDecimal("17.50"), of(result, "A").mixPercent());
        assertEquals(new BigDecimal("15.00"), of(result, "B").mixPercent());
        assertEquals(40, result.quantity());
    }

    @Test
    void theSeventyPercentLineIsExactWhereItsPercentageIsRounded() {
        // 3 items: the line is 70 / 3 = 23.333..% (shown 23.33); 7 of 30 is exactly on it, 233 of 1000 just below
        Result onIt = MenuClassification.classify(List.of(item("A", 7, "1.00", "0"), item("B", 13, "1.00", "0"),
                item("C", 10, "1.00", "0")), 2);
        assertEquals(new BigDecimal("23.33"), onIt.popularityPercent());
        assertTrue(of(onIt, "A").popular());
        Result below = MenuClassification.classify(List.of(item("A", 233, "1.00", "0"), item("B", 467, "1.00", "0"),
                item("C", 300, "1.00", "0")), 2);
        assertEquals(new BigDecimal("23.30"), of(below, "A").mixPercent());
        assertFalse(of(below, "A").popular(), "23.3 % is below 23.333 %");
    }

    @Test
    void anItemAtTheQuantityWeightedAverageMarginIsHighAndOneCentBelowIsLow() {
        // margins 4.00 x1, 2.00 x1, 3.00 x2: the average is 12.00 / 4 = 3.00 (not 3.00 by item: (4+2+3)/3)
        Result result = MenuClassification.classify(List.of(item("A", 1, "5.00", "1.00"), item("B", 1, "3.00", "1.00"),
                item("C", 2, "4.00", "1.00")), 2);
        assertEquals(new BigDecimal("3.00"), result.averageMargin());
        assertEquals(new BigDecimal("12.00"), result.totalMargin());
        assertTrue(of(result, "A").highMargin());
        assertFalse(of(result, "B").highMargin());
        assertTrue(of(result, "C").highMargin(), "at the average is high");
        assertEquals(new BigDecimal("6.00"), of(result, "C").totalMargin());
    }

    @Test
    void theAverageMarginIsComparedExactlyNotAsRounded() {
        // 3.33 x2 + 3.34 x1 = 10.00 over 3: the average is 3.3333.. (shown 3.33), so 3.33 is below it
        Result result = MenuClassification.classify(List.of(item("P", 2, "4.33", "1.00"), item("Q", 1, "4.34", "1.00")), 2);
        assertEquals(new BigDecimal("3.33"), result.averageMargin());
        assertFalse(of(result, "P").highMargin());
        assertTrue(of(result, "Q").highMargin());
    }

    @Test
    void theFourQuadrants() {
        // 4 items, 100 sold: popular from 17.5; average margin (40x5 + 40x1 + 10x6 + 10x0.5) / 100 = 3.05
        Result result = MenuClassification.classify(List.of(item("STAR", 40, "8.00", "3.00"),
                item("PLOW", 40, "2.00", "1.00"), item("PUZZLE", 10, "9.00", "3.00"), item("DOG", 10, "1.50", "1.00")), 2);
        assertEquals(MenuClass.STAR, of(result, "STAR").menuClass());
        assertEquals(MenuClass.PLOWHORSE, of(result, "PLOW").menuClass());
        assertEquals(MenuClass.PUZZLE, of(result, "PUZZLE").menuClass());
        assertEquals(MenuClass.DOG, of(result, "DOG").menuClass());
        assertEquals(new BigDecimal("3.05"), result.averageMargin());
        assertEquals(1, result.classes().get(MenuClass.STAR).items());
        assertEquals(new BigDecimal("40.00"), result.classes().get(MenuClass.PLOWHORSE).mixPercent());
        assertEquals(new BigDecimal("5.00"), result.classes().get(MenuClass.DOG).totalMargin());
        assertEquals("plowhorse", MenuClass.PLOWHORSE.label());
    }

    @Test
    void anItemWithoutARecipeCostsNothingAndStaysFlagged() {
        Item salad = new Item("SALAD", "Salad", 3, new BigDecimal("6.00"), BigDecimal.ZERO.setScale(2), false);
        Result result = MenuClassification.classify(List.of(salad, item("SOUP", 3, "4.00", "1.50")), 2);
        Classified classified = of(result, "SALAD");
        assertFalse(classified.item().costed());
        assertEquals(new BigDecimal("6.00"), classified.margin(), "its whole price");
        assertEquals(MenuClass.STAR, classified.menuClass());
        assertTrue(of(result, "SOUP").item().costed());
    }

    @Test
    void aPeriodWithNoSalesClassifiesNothing() {
        Result result = MenuClassification.classify(List.of(item("A", 0, "5.00", "1.00"), item("B", 0, "3.00", "1.00")), 2);
        assertFalse(result.sold());
        assertNull(result.averageMargin());
        assertEquals(new BigDecimal("35.00"), result.popularityPercent());
        for (Classified c : result.items()) {
            assertNull(c.menuClass());
            assertNull(c.popular());
            assertNull(c.highMargin());
            assertNull(c.mixPercent());
        }
        assertEquals(new BigDecimal("4.00"), of(result, "A").margin(), "the margin is still shown");
        assertEquals(0, result.classes().get(MenuClass.DOG).items());
        assertNull(result.classes().get(MenuClass.DOG).mixPercent());
    }

    @Test
    void reOpeningsThatTakeBackMoreThanWasSoldAreNoSales() {
        Result result = MenuClassification.classify(List.of(item("A", -2, "5.00", "1.00"), item("B", 1, "3.00", "1.00")), 2);
        assertFalse(result.sold());
        assertNull(of(result, "B").menuClass());
        assertEquals(new BigDecimal("-6.00"), result.totalMargin());
    }

    @Test
    void anEmptyMenuHasNoLine() {
        Result result = MenuClassification.classify(List.of(), 2);
        assertNull(result.popularityPercent());
        assertTrue(result.items().isEmpty());
    }

    @Test
    void marginsKeepTheCurrencysMinorUnit() {
        Result yen = MenuClassification.classify(List.of(item("RAMEN", 3, "900", "312")), 0);
        assertEquals(new BigDecimal("588"), of(yen, "RAMEN").margin());
        assertEquals(new BigDecimal("588"), yen.averageMargin());
        assertEquals(MenuClass.STAR, of(yen, "RAMEN").menuClass(), "the only item is its own average and whole mix");
    }
}
