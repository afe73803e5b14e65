package com.rms.pos.sale;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The outlet's sold menu (the JSON {@code OutletMenus#menu} renders, the same document as
 * {@code GET /outlets/{id}/menu}) as the sale screen lays it out: categories as tabs, items as
 * tiles. Prices here are the menu's list prices for display; what a line costs is always the
 * server's answer on the order. An item is kept with the view while the modifier dialog is open for it.
 */
public record MenuBoard(String currency, List<Category> categories) {

    public record Category(long id, String name, List<Item> items) {
    }

    public record Item(long id, String sku, String name, String description, BigDecimal price, String station,
            boolean available, List<ModifierGroup> modifierGroups) implements Serializable {

        public boolean hasModifiers() {
            return !modifierGroups.isEmpty();
        }
    }

    public record ModifierGroup(long id, String name, int min, int max, List<Modifier> modifiers) implements Serializable {

        /** How the group reads in the modifier dialog: "choose 1", "up to 2", "1 to 3". */
        public String rule() {
            if (min == max) {
                return "choose " + min;
            }
            return min == 0 ? "up to " + max : min + " to " + max;
        }
    }

    public record Modifier(long id, String name, BigDecimal priceDelta) implements Serializable {
    }

    public static MenuBoard parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject menu = reader.readObject();
            List<Category> categories = menu.getJsonArray("categories").getValuesAs(JsonObject.class).stream()
                    .map(c -> new Category(c.getJsonNumber("id").longValue(), c.getString("name"),
                            c.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(MenuBoard::item).toList()))
                    .filter(c -> !c.items().isEmpty())
                    .toList();
            return new MenuBoard(menu.getString("currency"), categories);
        }
    }

    private static Item item(JsonObject i) {
        List<ModifierGroup> groups = i.getJsonArray("modifierGroups").getValuesAs(JsonObject.class).stream()
                .map(g -> new ModifierGroup(g.getJsonNumber("id").longValue(), g.getString("name"), g.getInt("min"),
                        g.getInt("max"), g.getJsonArray("modifiers").getValuesAs(JsonObject.class).stream()
                                .map(m -> new Modifier(m.getJsonNumber("id").longValue(), m.getString("name"),
                                        m.getJsonNumber("priceDelta").bigDecimalValue()))
                                .toList()))
                .toList();
        return new Item(i.getJsonNumber("id").longValue(), i.getString("sku"), i.getString("name"),
                i.isNull("description") ? null : i.getString("description"), i.getJsonNumber("price").bigDecimalValue(),
                i.get("station") == null || i.get("station").getValueType() == JsonValue.ValueType.NULL ? null : i.getString("station"),
                i.getBoolean("available"), groups);
    }

    public Optional<Item> item(long itemId) {
        return categories.stream().flatMap(c -> c.items().stream()).filter(i -> i.id() == itemId).findFirst();
    }

    public Optional<Category> category(long categoryId) {
        return categories.stream().filter(c -> c.id() == categoryId).findFirst();
    }

    /** The kitchen stations the menu routes to, for the kitchen display's station picker. */
    public List<String> stations() {
        TreeSet<String> stations = new TreeSet<>();
        categories.forEach(c -> c.items().forEach(i -> {
            if (i.station() != null && !i.station().isBlank()) {
                stations.add(i.station());
            }
        }));
        return List.copyOf(stations);
    }
}
