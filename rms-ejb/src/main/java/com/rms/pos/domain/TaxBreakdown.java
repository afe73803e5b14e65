package com.rms.pos.domain;

import com.rms.platform.text.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An order's VAT per rate, as an EU receipt shows it: for each rate the net, the tax and the gross
 * of the lines sold at it. The figures are the lines' own, as {@link Pricing} priced them after the
 * discount, only added up, never computed again; so the rates add up exactly to the order (the
 * gross to its total, the tax to its tax total, the amounts before discount to its subtotal, the
 * discount shares to its discount) whether the rates include the tax or add it. Each rate has a
 * code, A for the highest and on down, that marks its lines on the receipt.
 *
 * @param addedTax the tax of the lines whose rate adds it to the price (what a receipt adds to the
 *     subtotal less the discount to reach the total; zero when every rate includes its tax)
 */
public record TaxBreakdown(List<Rate> rates, BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax,
        BigDecimal gross, BigDecimal addedTax) {

    /** The lines sold at one rate: amount before discount, discount, net, tax and gross (what was paid). */
    public record Rate(String code, BigDecimal percent, BigDecimal amount, BigDecimal discount, BigDecimal net,
            BigDecimal tax, BigDecimal gross) {

        /** The rate as a receipt names it, such as {@code 19%} or {@code 5.5%}. */
        public String label() {
            return percent.toPlainString() + "%";
        }

        Rate plus(OrderLine line, int scale) {
            return new Rate(code, percent, amount.add(scaled(line.getAmount(), scale)),
                    discount.add(scaled(line.getDiscount(), scale)), net.add(scaled(line.getNet(), scale)),
                    tax.add(scaled(line.getTax(), scale)), gross.add(scaled(line.getTotal(), scale)));
        }
    }

    public TaxBreakdown {
        rates = List.copyOf(rates);
    }

    /** The breakdown of the order's active lines (voided lines sold nothing). */
    public static TaxBreakdown of(Order order) {
        int scale = order.scale();
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        Map<BigDecimal, Rate> byPercent = new LinkedHashMap<>();
        BigDecimal addedTax = zero;
        for (OrderLine line : order.activeLines()) {
            BigDecimal percent = percent(line);
            Rate sofar = byPercent.getOrDefault(percent, new Rate(null, percent, zero, zero, zero, zero, zero));
            byPercent.put(percent, sofar.plus(line, scale));
            if (!line.isTaxInclusive()) {
                addedTax = addedTax.add(scaled(line.getTax(), scale));
            }
        }
        List<Rate> rates = new ArrayList<>();
        byPercent.values().stream().sorted(Comparator.comparing(Rate::percent).reversed()).forEach(r -> rates.add(
                new Rate(code(rates.size()), r.percent(), r.amount(), r.discount(), r.net(), r.tax(), r.gross())));
        return new TaxBreakdown(rates, sum(rates, Rate::amount, zero), sum(rates, Rate::discount, zero),
                sum(rates, Rate::net, zero), sum(rates, Rate::tax, zero), sum(rates, Rate::gross, zero), addedTax);
    }

    /** The code of the rate a line was sold at (the line must be one of the order's active lines). */
    public String codeOf(OrderLine line) {
        BigDecimal percent = percent(line);
        return rates.stream().filter(r -> r.percent().compareTo(percent) == 0).findFirst().map(Rate::code)
                .orElseThrow(() -> new IllegalArgumentException("no rate of " + percent + "% on this order"));
    }

    private static BigDecimal percent(OrderLine line) {
        BigDecimal percent = line.getTaxRate().stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0, RoundingMode.UNNECESSARY) : percent;
    }

    /** A, B, … Z, then R27, R28, … (more than 26 rates on one check is not expected). */
    private static String code(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "R" + (index + 1);
    }

    private static BigDecimal sum(List<Rate> rates, Function<Rate, BigDecimal> figure, BigDecimal zero) {
        return rates.stream().map(figure).reduce(zero, BigDecimal::add);
    }

    private static BigDecimal scaled(BigDecimal amount, int scale) {
        return Money.scaled(amount, scale);
    }
}
