package com.rms.pos.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Prices an order, with the rules the API documents:
 * <ol>
 * <li>a line's amount is (unit price + the chosen modifiers' price deltas) × quantity, at the
 * currency's scale; the subtotal is the sum of the amounts;</li>
 * <li>an order discount (a percentage of the subtotal rounded HALF_EVEN, or an amount, never more
 * than the subtotal) is spread over the lines in proportion to their amounts: each line gets its
 * share rounded down to the minor unit, and the minor units left over go one by one to the lines with
 * the largest cut-off remainders (ties: the earlier line), so the shares add up exactly;</li>
 * <li>tax is computed per line on the discounted amount and rounded HALF_EVEN to the minor unit:
 * for an inclusive rate r the line's tax is amount × r / (100 + r) and the amount already is its
 * total; for an exclusive rate it is amount × r / 100, added to the line's total;</li>
 * <li>the order's tax and total are the sums of the lines' (so a receipt's lines always add up).</li>
 * </ol>
 */
public final class Pricing {

    private Pricing() {
    }

    /** A line to price: its amount before discount and its tax rate (a percentage). */
    public record LineInput(BigDecimal amount, BigDecimal taxRate, boolean inclusive) {
    }

    /** A priced line: amount before discount, its share of the discount, net (without tax), tax and total. */
    public record LinePrice(BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal total) {
    }

    /** The priced order. */
    public record Result(List<LinePrice> lines, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal,
            BigDecimal total) {
    }

    /** A line's amount: (unit price + modifier deltas) × quantity at the currency's scale. */
    public static BigDecimal lineAmount(int scale, BigDecimal unitPrice, int quantity) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** The discount a request asks for, on a subtotal: a percentage (0–100] or an amount, capped at the subtotal. */
    public static BigDecimal discount(int scale, BigDecimal subtotal, DiscountType type, BigDecimal value) {
        if (type == null || value == null) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal discount = type == DiscountType.PERCENT
                ? subtotal.multiply(value).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_EVEN)
                : value.setScale(scale, RoundingMode.HALF_EVEN);
        return discount.min(subtotal).max(BigDecimal.ZERO.setScale(scale));
    }

    public static Result price(int scale, List<LineInput> lines, DiscountType discountType, BigDecimal discountValue) {
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        BigDecimal subtotal = lines.stream().map(l -> l.amount().setScale(scale, RoundingMode.HALF_EVEN))
                .reduce(zero, BigDecimal::add);
        BigDecimal discountTotal = discount(scale, subtotal, discountType, discountValue);
        BigDecimal[] shares = allocate(scale, discountTotal, lines, subtotal);
        List<LinePrice> priced = new ArrayList<>(lines.size());
        BigDecimal taxTotal = zero;
        BigDecimal total = zero;
        for (int i = 0; i < lines.size(); i++) {
            LineInput line = lines.get(i);
            BigDecimal amount = line.amount().setScale(scale, RoundingMode.HALF_EVEN);
            BigDecimal taxable = amount.subtract(shares[i]);
            BigDecimal rate = line.taxRate();
            BigDecimal tax;
            BigDecimal net;
            BigDecimal lineTotal;
            if (line.inclusive()) {
                tax = taxable.multiply(rate).divide(rate.add(BigDecimal.valueOf(100)), scale, RoundingMode.HALF_EVEN);
                net = taxable.subtract(tax);
                lineTotal = taxable;
            } else {
                tax = taxable.multiply(rate).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_EVEN);
                net = taxable;
                lineTotal = taxable.add(tax);
            }
            priced.add(new LinePrice(amount, shares[i], net, tax, lineTotal));
            taxTotal = taxTotal.add(tax);
            total = total.add(lineTotal);
        }
        return new Result(List.copyOf(priced), subtotal, discountTotal, taxTotal, total);
    }

    /** Spreads {@code discount} over the lines in proportion to their amounts, exactly (largest remainder). */
    static BigDecimal[] allocate(int scale, BigDecimal discount, List<LineInput> lines, BigDecimal subtotal) {
        BigDecimal[] shares = new BigDecimal[lines.size()];
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        if (discount.signum() == 0 || subtotal.signum() == 0) {
            java.util.Arrays.fill(shares, zero);
            return shares;
        }
        BigDecimal[] remainders = new BigDecimal[lines.size()];
        BigDecimal given = zero;
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal exact = discount.multiply(lines.get(i).amount()).divide(subtotal, scale + 10, RoundingMode.HALF_EVEN);
            shares[i] = exact.setScale(scale, RoundingMode.DOWN);
            remainders[i] = exact.subtract(shares[i]);
            given = given.add(shares[i]);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        int left = discount.subtract(given).divide(unit, 0, RoundingMode.HALF_EVEN).intValueExact();
        List<Integer> order = IntStream.range(0, lines.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i)).toList();
        for (int k = 0; k < left; k++) {
            int i = order.get(k % order.size());
            shares[i] = shares[i].add(unit);
        }
        return shares;
    }
}
