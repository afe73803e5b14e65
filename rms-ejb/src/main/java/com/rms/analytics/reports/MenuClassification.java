package com.rms.analytics.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Menu engineering's matrix (Kasavana and Smith): each item of an outlet's menu is popular or not by
 * the <b>70 % rule</b> and of high or low contribution margin against the quantity-weighted average
 * margin, which makes it a {@link MenuClass#STAR star}, {@link MenuClass#PLOWHORSE plowhorse},
 * {@link MenuClass#PUZZLE puzzle} or {@link MenuClass#DOG dog}.
 *
 * <ul>
 * <li>An item is <b>popular</b> when its share of the quantity sold is at least 70 % of an equal
 * share, 0.7 × 1 / N, N being the number of items given (every item on the menu, sold or not: an
 * item nobody ordered still takes a place on the menu). The test is exact in integers,
 * {@code quantity × N × 10 ≥ 7 × total}, so an item right on the line is popular.</li>
 * <li>Its <b>margin</b> is its price net of tax minus its cost; it is <b>high</b> when at least the
 * average margin of what was sold, {@code Σ quantity × margin / Σ quantity}, again compared
 * exactly ({@code margin × Σ quantity ≥ Σ quantity × margin}), so an item at the average is high.</li>
 * <li>An item without a recipe has cost 0 and is flagged ({@link Item#costed()} false): its margin is
 * its whole price, which says nothing about its profit.</li>
 * <li>When nothing was sold (the quantities add up to zero or less, re-openings included) there is no
 * mix to compare with and no average margin: no item is classified, rather than all of them dogs.</li>
 * </ul>
 * Pure arithmetic: prices and costs come in at the currency's minor unit, margins stay there, the
 * percentages shown are rounded HALF_EVEN to two decimals and never used for a decision.
 */
public final class MenuClassification {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PERCENT_SCALE = 2;

    private MenuClassification() {
    }

    /** The four quadrants of the matrix. */
    public enum MenuClass {
        STAR, PLOWHORSE, PUZZLE, DOG;

        static MenuClass of(boolean popular, boolean highMargin) {
            return popular ? highMargin ? STAR : PLOWHORSE : highMargin ? PUZZLE : DOG;
        }

        /** The name a report shows: {@code star}, {@code plowhorse}, {@code puzzle}, {@code dog}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An item of the menu: the net quantity sold in the period (may be 0), its price net of tax and
     * the cost of a portion, both at the currency's minor unit, and whether a recipe gave the cost.
     */
    public record Item(String key, String name, long quantity, BigDecimal price, BigDecimal cost, boolean costed) {
    }

    /**
     * An item classified: its margin, what it earned ({@code margin × quantity}), its share of the
     * quantity sold in percent; {@code popular}, {@code highMargin}, {@code menuClass} and
     * {@code mixPercent} are null when nothing was sold.
     */
    public record Classified(Item item, BigDecimal margin, BigDecimal totalMargin, BigDecimal mixPercent,
            Boolean popular, Boolean highMargin, MenuClass menuClass) {
    }

    /** What a class adds up to: how many items, their quantity, share and total margin. */
    public record ClassTotal(int items, long quantity, BigDecimal mixPercent, BigDecimal totalMargin) {
    }

    /**
     * The classified items in the order given, and the matrix's lines: the total quantity, the
     * total margin, the average margin (null without sales, rounded to the minor unit), the popularity
     * line in percent of the mix (null without items) and the totals of each class.
     */
    public record Result(List<Classified> items, long quantity, BigDecimal totalMargin, BigDecimal averageMargin,
            BigDecimal popularityPercent, Map<MenuClass, ClassTotal> classes) {

        public boolean sold() {
            return quantity > 0;
        }
    }

    /** Classifies the items of one outlet's menu over one period; {@code scale} is the currency's minor unit. */
    public static Result classify(List<Item> items, int scale) {
        int n = items.size();
        long total = 0;
        BigDecimal totalMargin = BigDecimal.ZERO.setScale(scale);
        List<BigDecimal> margins = new ArrayList<>(n);
        for (Item item : items) {
            BigDecimal margin = item.price().subtract(item.cost()).setScale(scale, RoundingMode.HALF_EVEN);
            margins.add(margin);
            total += item.quantity();
            totalMargin = totalMargin.add(margin.multiply(BigDecimal.valueOf(item.quantity())));
        }
        boolean sold = total > 0;
        List<Classified> classified = new ArrayList<>(n);
        Map<MenuClass, ClassTotal> classes = new EnumMap<>(MenuClass.class);
        for (MenuClass c : MenuClass.values()) {
            classes.put(c, new ClassTotal(0, 0, sold ? percent(0, total) : null, BigDecimal.ZERO.setScale(scale)));
        }
        BigDecimal quantitySold = BigDecimal.valueOf(total);
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            BigDecimal margin = margins.get(i);
            BigDecimal earned = margin.multiply(BigDecimal.valueOf(item.quantity()));
            if (!sold) {
                classified.add(new Classified(item, margin, earned, null, null, null, null));
                continue;
            }
            boolean popular = BigDecimal.valueOf(item.quantity()).multiply(BigDecimal.valueOf(10L * n))
                    .compareTo(BigDecimal.valueOf(7).multiply(quantitySold)) >= 0;
            boolean high = margin.multiply(quantitySold).compareTo(totalMargin) >= 0;
            MenuClass menuClass = MenuClass.of(popular, high);
            classified.add(new Classified(item, margin, earned, percent(item.quantity(), total), popular, high,
                    menuClass));
            ClassTotal before = classes.get(menuClass);
            long quantity = before.quantity() + item.quantity();
            classes.put(menuClass, new ClassTotal(before.items() + 1, quantity, percent(quantity, total),
                    before.totalMargin().add(earned)));
        }
        BigDecimal average = sold ? totalMargin.divide(quantitySold, scale, RoundingMode.HALF_EVEN) : null;
        BigDecimal line = n == 0 ? null
                : BigDecimal.valueOf(70).divide(BigDecimal.valueOf(n), PERCENT_SCALE, RoundingMode.HALF_EVEN);
        return new Result(List.copyOf(classified), total, totalMargin, average, line, classes);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), PERCENT_SCALE,
                RoundingMode.HALF_EVEN);
    }
}
