package com.rms.pos.application;

import com.rms.platform.text.Money;
import com.rms.pos.domain.LineAction;
import com.rms.pos.domain.OrderLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * A line as the API shows it: amount before discount, its discount share, tax and total; {@code actions}
 * is what the line allows now ({@link LineAction}), so a screen offers exactly that.
 */
public record OrderLineView(long id, long menuItemId, String sku, String name, int quantity, BigDecimal unitPrice,
        List<LineModifierView> modifiers, String note, int course, String station, BigDecimal amount,
        BigDecimal discount, BigDecimal tax, BigDecimal total, String status, boolean sent, String voidReason,
        List<String> actions) {

    static OrderLineView of(OrderLine l, int scale) {
        return new OrderLineView(l.getId(), l.getMenuItemId(), l.getSku(), l.getName(), l.getQuantity(),
                Money.scaled(l.getUnitPrice(), scale),
                l.chosenModifiers().stream().map(m -> new LineModifierView(m.id(), m.name(), Money.scaled(m.priceDelta(), scale)))
                        .toList(),
                l.getNote(), l.getCourse(), l.getStation(), Money.scaled(l.getAmount(), scale), Money.scaled(l.getDiscount(), scale),
                Money.scaled(l.getTax(), scale), Money.scaled(l.getTotal(), scale), l.getStatus().name(), l.isSent(),
                l.getVoidReason(), l.actions().stream().map(LineAction::apiName).toList());
    }
}
