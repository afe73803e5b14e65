package com.rms.pos.domain;

import com.rms.menu.application.SellableMenu;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.RmsException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selling rules of the point of sale: a line is built from the outlet's menu as sold — the item
 * must be on it and available, each chosen modifier offered with it (once per portion), each modifier
 * group's minimum and maximum met — at the server's prices; what a client says about prices is never
 * read.
 */
public final class MenuSelling {

    /** A line a client wants: the item, how many, the modifiers chosen per portion, a note, a course. */
    public record Wanted(Long menuItemId, int quantity, List<Long> modifierIds, String note, int course) {
    }

    private MenuSelling() {
    }

    /**
     * The lines as sold at the outlet, or a 422 naming every line that cannot be ({@code field}[i]).
     */
    public static List<OrderLine> sell(SellableMenu menu, List<Wanted> wanted, String field) {
        List<OrderLine> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Wanted w = wanted.get(i);
            String at = field + "[" + i + "]";
            SellableMenu.Item item = menu.item(w.menuItemId()).orElse(null);
            if (item == null) {
                errors.add(new FieldError(at + ".menuItemId", "item " + w.menuItemId() + " is not on this outlet's menu"));
                continue;
            }
            if (!item.available()) {
                errors.add(new FieldError(at + ".menuItemId", item.name() + " is not available at this outlet"));
                continue;
            }
            OrderLine line = sell(item, w, at, errors);
            if (line != null) {
                lines.add(line);
            }
        }
        if (!errors.isEmpty()) {
            throw new BusinessRuleException("some lines cannot be sold at this outlet", errors);
        }
        return lines;
    }

    private static OrderLine sell(SellableMenu.Item item, Wanted w, String at, List<FieldError> errors) {
        List<Long> chosenIds = w.modifierIds() == null ? List.of() : w.modifierIds();
        Map<Long, SellableMenu.Modifier> offered = new LinkedHashMap<>();
        Map<Long, SellableMenu.Group> groupOf = new LinkedHashMap<>();
        item.groups().forEach(g -> g.modifiers().forEach(m -> {
            offered.put(m.id(), m);
            groupOf.put(m.id(), g);
        }));
        List<OrderLine.SoldModifier> chosen = new ArrayList<>();
        Map<Long, Integer> perGroup = new LinkedHashMap<>();
        BigDecimal unitPrice = item.price();
        boolean valid = true;
        for (Long modifierId : chosenIds) {
            SellableMenu.Modifier m = modifierId == null ? null : offered.get(modifierId);
            if (m == null) {
                errors.add(new FieldError(at + ".modifierIds", "modifier " + modifierId + " is not offered with " + item.name()));
                valid = false;
                continue;
            }
            chosen.add(new OrderLine.SoldModifier(m.id(), m.name(), m.priceDelta()));
            perGroup.merge(groupOf.get(modifierId).id(), 1, Integer::sum);
            unitPrice = unitPrice.add(m.priceDelta());
        }
        if (new HashSet<>(chosenIds).size() != chosenIds.size()) {
            errors.add(new FieldError(at + ".modifierIds", "a modifier may be chosen once per portion"));
            valid = false;
        }
        for (SellableMenu.Group g : item.groups()) {
            int count = perGroup.getOrDefault(g.id(), 0);
            if (count < g.min() || count > g.max()) {
                errors.add(new FieldError(at + ".modifierIds", g.name() + ": choose " + (g.min() == g.max()
                        ? String.valueOf(g.min()) : g.min() + " to " + g.max()) + " (chosen " + count + ")"));
                valid = false;
            }
        }
        if (!valid) {
            return null;
        }
        return new OrderLine(item.id(), item.sku(), item.name(), item.categoryId(), item.categoryName(), item.station(),
                w.course(), w.quantity(), unitPrice, chosen, w.note() == null || w.note().isBlank() ? null : w.note().trim(),
                item.taxRateId(), item.taxRate(), item.taxInclusive());
    }
}
