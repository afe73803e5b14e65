package com.rms.inventory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryDomainTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void unitsConvertWithinTheirDimensionOnly() {
        assertEquals(d("0.250"), Unit.G.convert(d("250"), Unit.KG));
        assertEquals(d("1500.000"), Unit.KG.convert(d("1.5"), Unit.G));
        assertEquals(d("0.330"), Unit.ML.convert(d("330"), Unit.L));
        assertEquals(d("2.000"), Unit.EACH.convert(d("2"), Unit.EACH));
        assertEquals(d("0.002"), Unit.G.convert(d("1.5"), Unit.KG), "rounded half-even to a thousandth");
        assertEquals(d("0.000"), Unit.G.convert(d("0.5"), Unit.KG), "half-even: a half rounds to the even thousandth");
        assertThrows(Unit.IncompatibleUnitsException.class, () -> Unit.G.convert(d("1"), Unit.ML));
        assertThrows(Unit.IncompatibleUnitsException.class, () -> Unit.EACH.convert(d("1"), Unit.KG));
        assertFalse(Unit.L.convertsTo(Unit.KG));
    }

    @Test
    void unitCodesParseCaseInsensitivelyAndUnknownOnesDoNot() {
        assertEquals(Unit.KG, Unit.parse("kg").orElseThrow());
        assertEquals(Unit.EACH, Unit.parse("EACH").orElseThrow());
        assertTrue(Unit.parse("lb").isEmpty());
        assertTrue(Unit.parse(null).isEmpty());
        assertEquals("ml", Unit.ML.code());
    }

    @Test
    void recipesExpandToIngredientQuantitiesInTheStockUnit() {
        // a burger: 150 g beef (kept in kg), 1 bun; extra cheese modifier: 20 g cheese (kept in g); and a
        // second modifier that also uses beef
        List<Ingredient> portion = List.of(
                new Ingredient(1, d("150"), Unit.G),
                new Ingredient(2, d("1"), Unit.EACH),
                new Ingredient(3, d("20"), Unit.G),
                new Ingredient(1, d("0.05"), Unit.KG));
        Map<Long, Unit> units = Map.of(1L, Unit.KG, 2L, Unit.EACH, 3L, Unit.G);
        Map<Long, BigDecimal> needed = RecipeExpansion.expand(portion, 3, units);
        assertEquals(d("0.600"), needed.get(1L), "3 × (0.150 + 0.050) kg");
        assertEquals(d("3.000"), needed.get(2L));
        assertEquals(d("60.000"), needed.get(3L));
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(needed.keySet()), "ascending: the locking order");
        assertThrows(Unit.IncompatibleUnitsException.class,
                () -> RecipeExpansion.expand(List.of(new Ingredient(2, d("5"), Unit.G)), 1, units));
        assertThrows(IllegalArgumentException.class, () -> RecipeExpansion.expand(portion, 0, units));
    }

    @Test
    void weightedAverageCostFoldsInReceipts() {
        // 10 kg at 2.00 + 30 kg at 3.00 = 110 / 40 = 2.75
        assertEquals(d("2.7500"), Costing.weightedAverage(d("10"), d("2"), d("30"), d("3")));
        assertEquals(d("3.3333"), Costing.weightedAverage(d("1"), d("2"), d("2"), d("4")), "10/3 half-even");
        assertEquals(d("5.0000"), Costing.weightedAverage(d("0"), d("2"), d("4"), d("5")), "nothing on hand: receipt cost");
        assertEquals(d("5.0000"), Costing.weightedAverage(d("-3"), d("2"), d("4"), d("5")), "oversold stock has no value");
        assertThrows(IllegalArgumentException.class, () -> Costing.weightedAverage(d("1"), d("1"), d("0"), d("1")));
        StockItem flour = new StockItem("FLOUR", Unit.KG, d("1.10"));
        assertEquals(d("1.1000"), flour.getAverageCost(), "valued at catalogue cost until something arrives");
        flour.receive(d("10"), d("10"), d("1.30"));
        assertEquals(d("1.2000"), flour.getAverageCost());
        assertEquals(d("12.00"), Costing.value(d("10"), flour.getAverageCost()));
    }

    @Test
    void aCountPostsTheDifference() {
        assertEquals(d("-2.500"), Costing.countDifference(d("10"), d("7.5")));
        assertEquals(d("3.000"), Costing.countDifference(d("-3"), d("0")));
        assertEquals(d("0.000"), Costing.countDifference(d("4"), d("4.000")));
    }

    @Test
    void aLevelAnnouncesLowOncePerCrossing() {
        StockItem milk = new StockItem("MILK", Unit.L, d("0.9"));
        milk.update("Milk", d("5"), d("0.9"), false, true);
        StockLevel level = new StockLevel(1, 2);
        assertFalse(level.apply(d("10"), milk), "10 l is above the reorder level");
        assertTrue(level.apply(d("-5"), milk), "falls to the level: announce");
        assertFalse(level.apply(d("-1"), milk), "still low: no second announcement");
        assertFalse(level.apply(d("4"), milk), "8 l: back above");
        assertTrue(level.apply(d("-4"), milk), "crosses again: announce again");
    }

    @Test
    void purchaseOrdersMoveThroughTheirStates() {
        PurchaseOrder po = new PurchaseOrder(1, 2, "boss", List.of(new PurchaseOrderLine(0, 7, d("10"), d("2"))));
        assertEquals(PurchaseOrderStatus.DRAFT, po.getStatus());
        assertThrows(IllegalStateException.class, () -> po.receive(7, d("1")), "a draft is not received");
        po.send();
        po.receive(7, d("4"));
        assertEquals(PurchaseOrderStatus.PARTIALLY_RECEIVED, po.getStatus());
        assertThrows(IllegalArgumentException.class, () -> po.receive(7, d("6.001")), "more than ordered");
        assertThrows(IllegalStateException.class, po::cancel);
        po.receive(7, d("6"));
        assertEquals(PurchaseOrderStatus.RECEIVED, po.getStatus());
    }
}
