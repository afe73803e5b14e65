package com.rms.pos.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The VAT per rate of a receipt: the lines' own figures added up, so they always add up to the order. */
public class TaxBreakdownTest {

    public static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** A line of {@code quantity} × {@code unitPrice} (modifiers priced in) at a rate. */
    public static OrderLine line(String name, int quantity, String unitPrice, String rate, boolean inclusive,
            OrderLine.SoldModifier... modifiers) {
        return new OrderLine(1, name.toUpperCase(), name, 1, "Food", "grill", 1, quantity, d(unitPrice), List.of(modifiers),
                null, 1, d(rate), inclusive);
    }

    static Order order(OrderLine... lines) {
        Order order = new Order(1, Channel.DINE_IN, 5L, null, "EUR", "cashier");
        for (OrderLine l : lines) {
            order.addLine(l);
        }
        order.reprice();
        return order;
    }

    /** Every rate's net and tax make its gross, and the rates add up exactly to the order's figures. */
    static void assertAddsUp(Order order, TaxBreakdown vat) {
        for (TaxBreakdown.Rate r : vat.rates()) {
            assertEquals(r.gross(), r.net().add(r.tax()), r::toString);
        }
        assertEquals(order.getSubtotal(), vat.amount(), "the amounts before discount make the subtotal");
        assertEquals(order.getDiscountTotal(), vat.discount(), "the discount shares make the discount");
        assertEquals(order.getTaxTotal(), vat.tax(), "the rates' tax makes the order's tax");
        assertEquals(order.getTotal(), vat.gross(), "the rates' gross makes the total");
        assertEquals(order.getTotal().subtract(order.getTaxTotal()), vat.net());
        assertEquals(order.getTotal(), order.getSubtotal().subtract(order.getDiscountTotal()).add(vat.addedTax()),
                "subtotal less discount plus the tax added on top is the total");
    }

    @Test
    void aCheckMixingAnInclusiveAndAnExclusiveRateShowsEachRateApart() {
        // burger (9.90 + 1.00 cheese) x 2 incl. 19 %; lemonade 3.50 excl. 7 % (tax 0.245 -> 0.24)
        Order order = order(line("Burger", 2, "10.90", "19", true, new OrderLine.SoldModifier(7, "Cheese", d("1.00"))),
                line("Lemonade", 1, "3.50", "7", false));
        TaxBreakdown vat = TaxBreakdown.of(order);
        assertEquals(2, vat.rates().size());
        TaxBreakdown.Rate a = vat.rates().get(0);
        assertEquals(List.of("A", "19%", d("18.32"), d("3.48"), d("21.80")),
                List.of(a.code(), a.label(), a.net(), a.tax(), a.gross()));
        TaxBreakdown.Rate b = vat.rates().get(1);
        assertEquals(List.of("B", "7%", d("3.50"), d("0.24"), d("3.74")),
                List.of(b.code(), b.label(), b.net(), b.tax(), b.gross()));
        assertEquals(d("0.24"), vat.addedTax(), "only the exclusive rate's tax is added to the prices");
        assertEquals(d("25.54"), vat.gross());
        assertEquals(d("3.72"), vat.tax());
        assertEquals("A", vat.codeOf(order.getLines().get(0)));
        assertEquals("B", vat.codeOf(order.getLines().get(1)));
        assertAddsUp(order, vat);
    }

    @Test
    void theDiscountIsInTheRatesAsItWasSpreadOverTheLinesAndAVoidedLineIsNot() {
        Order order = order(line("Burger", 1, "12.50", "7", true), line("Wine", 2, "6.90", "19", true),
                line("Soup", 1, "4.99", "7", false), line("Cake", 3, "3.33", "19", false), line("Water", 1, "2.00", "0", true));
        order.getLines().get(3).voided("dropped", "cashier", "manager");
        order.setDiscount(DiscountType.PERCENT, d("15"), "regular", "manager");
        order.reprice();
        TaxBreakdown vat = TaxBreakdown.of(order);
        assertEquals(List.of("19%", "7%", "0%"), vat.rates().stream().map(TaxBreakdown.Rate::label).toList());
        TaxBreakdown.Rate wine = vat.rates().get(0);
        // 15 % of 33.29 (the cake is voided) = 4.99 spread: 2.07 on the wine, 11.73 left incl. 19 %: tax 1.87
        assertEquals(List.of(d("13.80"), d("2.07"), d("9.86"), d("1.87"), d("11.73")),
                List.of(wine.amount(), wine.discount(), wine.net(), wine.tax(), wine.gross()));
        TaxBreakdown.Rate reduced = vat.rates().get(1);
        assertEquals(d("17.49"), reduced.amount(), "an inclusive and an exclusive line at 7 % are one rate");
        assertEquals(d("0.00"), vat.rates().get(2).tax());
        assertEquals(d("4.99"), vat.discount());
        assertEquals(d("0.30"), vat.addedTax(), "the soup's 7 %, added to its discounted price");
        assertThrows(IllegalArgumentException.class, () -> TaxBreakdown.of(order(line("Tea", 1, "2.00", "5.5", true)))
                .codeOf(order.getLines().get(0)), "a line of another rate has no code here");
        assertAddsUp(order, vat);
    }

    @Test
    void theRatesAlwaysAddUpToTheOrder() {
        Random random = new Random(14);
        String[] rates = {"0", "5.5", "7", "10", "19", "20", "21"};
        for (int run = 0; run < 500; run++) {
            int n = 1 + random.nextInt(6);
            OrderLine[] lines = new OrderLine[n];
            for (int i = 0; i < n; i++) {
                lines[i] = line("Item" + i, 1 + random.nextInt(4), BigDecimal.valueOf(1 + random.nextInt(2500), 2).toPlainString(),
                        rates[random.nextInt(rates.length)], random.nextBoolean());
            }
            Order order = order(lines);
            if (n > 1 && random.nextBoolean()) {
                order.getLines().get(random.nextInt(n)).voided("void", "cashier", null);
            }
            if (random.nextBoolean()) {
                order.setDiscount(random.nextBoolean() ? DiscountType.PERCENT : DiscountType.AMOUNT,
                        BigDecimal.valueOf(1 + random.nextInt(3000), 2), "promo", "manager");
            }
            order.reprice();
            assertAddsUp(order, TaxBreakdown.of(order));
        }
    }
}
