package it.ui;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The inventory screens of the back office in a real browser, as the demo owner: a stock item, a
 * recipe fixed after a unit error, a supplier and a purchase order received in two deliveries, and
 * waste, each checked on the page and through the public API.
 */
class InventoryUiIT {

    private Browser browser;
    private String ownerToken;
    private final String run = Long.toString(System.currentTimeMillis() % 10_000_000);

    @BeforeEach
    void start() throws IOException {
        browser = Browser.start();
        ownerToken = Api.login("demo", "owner", "owner-demo");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private Api.Call api(String path) {
        return Api.at(path).token(ownerToken).tenant("demo");
    }

    private void signIn() {
        browser.type(By.id("login:tenant"), "demo");
        browser.type(By.id("login:username"), "owner");
        browser.type(By.id("login:password"), "owner-demo");
        browser.find(By.id("login:signIn")).click();
    }

    /**
     * Picks an option of a PrimeFaces select by its label, again if a click landed while the panel
     * was still sliding open (it then picks the neighbouring option).
     */
    private void choose(String id, String label) {
        browser.until(d -> {
            if (d.findElement(By.id(id + "_label")).getText().equals(label)) {
                return true;
            }
            WebElement panel = d.findElement(By.id(id + "_panel"));
            if (!panel.isDisplayed()) {
                d.findElement(By.id(id)).click();
                return false;
            }
            panel.findElement(By.cssSelector("li[data-label='" + label + "']")).click();
            return false;
        });
    }

    private long mitteId() {
        return api("/api/v1/outlets?size=500").get().items().stream()
                .filter(o -> o.getString("name").equals("Bistro Mitte")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private long createMenuItem(String name) {
        Api.Reply vat = api("/api/v1/tax-rates").post(obj("name", "VAT " + run, "rate", new BigDecimal("7"), "inclusive", true));
        assertEquals(201, vat.status(), vat.toString());
        Api.Reply category = api("/api/v1/menu/categories").post(obj("name", "Bakery " + run));
        assertEquals(201, category.status(), category.toString());
        Api.Reply item = api("/api/v1/menu/items").post(obj("sku", "BREAD-" + run, "name", name,
                "categoryId", category.json().getJsonNumber("id").longValue(), "price", new BigDecimal("3.50"),
                "taxRateId", vat.json().getJsonNumber("id").longValue(), "station", "BAKERY"));
        assertEquals(201, item.status(), item.toString());
        return item.json().getJsonNumber("id").longValue();
    }

    private WebElement stockRow(String sku) {
        return browser.until(d -> d.findElement(By.xpath(
                "//tr[.//span[contains(@class,'stock-sku') and text()='" + sku + "']]")));
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.trim());
    }

    @Test
    void theOwnerStocksAnItemGivesItARecipeOrdersReceivesAndWastesIt() {
        String sku = "FLOUR-" + run;
        String stockName = "Rye flour " + run;
        String stockLabel = sku + " · " + stockName + " (kg)";
        String menuName = "Rye bread " + run;
        long bread = createMenuItem(menuName);
        long mitte = mitteId();

        // a stock item, created in the form and listed
        browser.open("/admin/stock-items.xhtml");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        signIn();
        browser.until(d -> d.findElement(By.id("nav:logout")));
        browser.open("/admin/stock-items.xhtml");
        browser.until(d -> d.findElement(By.id("newStockItem"))).click();
        browser.type(By.id("itemForm:sku"), sku);
        browser.type(By.id("itemForm:name"), stockName);
        choose("itemForm:unit", "kg");
        browser.type(By.id("itemForm:reorderLevel"), "5");
        browser.type(By.id("itemForm:unitCost"), "1.20");
        browser.find(By.id("itemForm:save")).click();
        browser.until(d -> browser.pageHas("Stock item \u201c" + stockName + "\u201d saved."));
        long stockItem = api("/api/v1/inventory/items?size=500").get().items().stream()
                .filter(i -> i.getString("sku").equals(sku)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertTrue(browser.pageHas(stockName));

        // the recipe: a line in ml for an item kept in kg is refused at the unit, then fixed
        browser.open("/admin/recipe.xhtml");
        choose("recipeForm:item", menuName);
        browser.until(d -> d.findElement(By.id("recipeForm:addLine"))).click();
        browser.until(d -> d.findElement(By.id("recipeForm:lines:0:stockItemId")));
        choose("recipeForm:lines:0:stockItemId", stockLabel);
        browser.type(By.id("recipeForm:lines:0:quantity"), "250");
        choose("recipeForm:lines:0:unit", "ml");
        browser.find(By.id("recipeForm:save")).click();
        String unitError = browser.messageAt("recipeForm:lines:0:unit", "does not convert to kg");
        assertTrue(unitError.startsWith("Ml does not convert") || unitError.startsWith("ml does not convert"), unitError);
        browser.snapshot("inventory-recipe-invalid");
        assertEquals(0, api("/api/v1/menu/items/" + bread + "/recipe").get().array().size());

        choose("recipeForm:lines:0:unit", "g");
        browser.find(By.id("recipeForm:save")).click();
        browser.until(d -> browser.pageHas("Recipe of " + menuName + " saved (1 line)."));
        Api.Reply recipe = api("/api/v1/menu/items/" + bread + "/recipe").get();
        assertEquals(200, recipe.status(), recipe.toString());
        JsonArray lines = recipe.array();
        assertEquals(1, lines.size(), lines.toString());
        JsonObject line = lines.getJsonObject(0);
        assertEquals(stockItem, line.getJsonNumber("stockItemId").longValue());
        assertEquals(0, new BigDecimal("250").compareTo(line.getJsonNumber("quantity").bigDecimalValue()), line.toString());
        assertEquals("g", line.getString("unit"));
        assertEquals(0, new BigDecimal("0.25").compareTo(line.getJsonNumber("stockQuantity").bigDecimalValue()), line.toString());

        // a supplier
        String supplier = "M\u00fchle " + run;
        browser.open("/admin/suppliers.xhtml");
        browser.until(d -> d.findElement(By.id("newSupplier"))).click();
        browser.type(By.id("supplierForm:name"), supplier);
        browser.type(By.id("supplierForm:email"), "orders" + run + "@muehle.example");
        browser.find(By.id("supplierForm:save")).click();
        browser.until(d -> browser.pageHas("Supplier \u201c" + supplier + "\u201d saved."));

        // a purchase order of 10 kg at 1.50, sent, then delivered as 4 kg at 1.50 and 6 kg at 2.00
        browser.open("/admin/purchase-orders.xhtml");
        browser.until(d -> d.findElement(By.id("newPurchaseOrder"))).click();
        choose("poForm:supplier", supplier);
        choose("poForm:outlet", "Bistro Mitte");
        choose("poForm:lines:0:stockItemId", stockLabel);
        browser.type(By.id("poForm:lines:0:quantity"), "10");
        browser.type(By.id("poForm:lines:0:unitCost"), "1.50");
        browser.find(By.id("poForm:save")).click();
        browser.until(d -> browser.path().startsWith("/admin/purchase-order.xhtml"));
        browser.until(d -> d.findElement(By.id("poStatus")).getText().equals("DRAFT"));
        browser.find(By.id("poForm:send")).click();
        browser.until(d -> d.findElement(By.id("poStatus")).getText().equals("SENT"));

        // more than was ordered is refused and changes nothing
        browser.type(By.id("poForm:lines:0:receivedQuantity"), "12");
        browser.find(By.id("poForm:receive")).click();
        browser.until(d -> browser.pageHas("exceeds the 10"));
        assertEquals("SENT", browser.find(By.id("poStatus")).getText());

        browser.type(By.id("poForm:lines:0:receivedQuantity"), "4");
        browser.type(By.id("poForm:lines:0:receivedCost"), "1.50");
        browser.find(By.id("poForm:receive")).click();
        browser.until(d -> d.findElement(By.id("poStatus")).getText().equals("PARTIALLY_RECEIVED"));
        assertEquals(0, new BigDecimal("4").compareTo(number(browser.find(By.cssSelector(".po-received")).getText())));
        browser.type(By.id("poForm:lines:0:receivedQuantity"), "6");
        browser.type(By.id("poForm:lines:0:receivedCost"), "2.00");
        browser.find(By.id("poForm:receive")).click();
        browser.until(d -> d.findElement(By.id("poStatus")).getText().equals("RECEIVED"));
        assertTrue(browser.driver.findElements(By.id("poForm:receive")).isEmpty(), "nothing left to receive");
        browser.snapshot("inventory-purchase-order");

        // the outlet's stock: 10 kg at an average of (4 x 1.50 + 6 x 2.00) / 10 = 1.80
        browser.open("/admin/stock.xhtml?outlet=" + mitte);
        browser.until(d -> d.findElement(By.id("stockTitle")).getText().contains("Bistro Mitte"));
        WebElement row = stockRow(sku);
        assertEquals(0, new BigDecimal("10").compareTo(number(row.findElement(By.cssSelector(".stock-on-hand")).getText())));
        assertEquals(0, new BigDecimal("1.80").compareTo(number(row.findElement(By.cssSelector(".stock-average-cost")).getText())));
        assertTrue(!row.getAttribute("class").contains("rms-low-stock"), "10 kg is above the reorder level of 5");
        JsonObject level = api("/api/v1/outlets/" + mitte + "/stock?size=500").get().items().stream()
                .filter(l -> l.getJsonNumber("stockItemId").longValue() == stockItem).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("10").compareTo(level.getJsonNumber("onHand").bigDecimalValue()), level.toString());
        assertEquals(0, new BigDecimal("1.80").compareTo(level.getJsonNumber("averageCost").bigDecimalValue()), level.toString());

        // waste: nothing is refused at the field, then 6 kg go and the item is low
        row.findElement(By.xpath(".//button[contains(@id,':waste')]")).click();
        browser.until(d -> d.findElement(By.id("adjustTitle")).isDisplayed());
        browser.type(By.id("adjustForm:quantity"), "0");
        browser.find(By.id("adjustForm:save")).click();
        browser.messageAt("adjustForm:quantity", "not be 0");
        browser.type(By.id("adjustForm:quantity"), "6");
        browser.type(By.id("adjustForm:note"), "sack torn " + run);
        browser.find(By.id("adjustForm:save")).click();
        browser.until(d -> browser.pageHas("Waste recorded: " + stockName + " now 4"));
        browser.until(d -> !d.findElement(By.id("adjustDialog")).isDisplayed());
        WebElement low = stockRow(sku);
        assertEquals(0, new BigDecimal("4").compareTo(number(low.findElement(By.cssSelector(".stock-on-hand")).getText())));
        assertTrue(low.getAttribute("class").contains("rms-low-stock"), low.getAttribute("class"));
        browser.snapshot("inventory-stock");

        // the movement history shows the waste and both deliveries, newest first
        low.findElement(By.xpath(".//*[contains(@id,':history')]")).click();
        browser.until(d -> d.findElement(By.id("movementsTitle")).getText().contains(stockName));
        List<String> reasons = browser.driver.findElements(By.cssSelector(".movement-reason")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("WASTE", "PURCHASE", "PURCHASE"), reasons);
        List<BigDecimal> quantities = browser.driver.findElements(By.cssSelector(".movement-quantity")).stream()
                .map(e -> number(e.getText())).toList();
        assertEquals(0, new BigDecimal("-6").compareTo(quantities.get(0)), quantities.toString());
        assertEquals(0, new BigDecimal("6").compareTo(quantities.get(1)), quantities.toString());
        assertEquals(0, new BigDecimal("4").compareTo(quantities.get(2)), quantities.toString());
        assertTrue(browser.pageHas("sack torn " + run));
        assertTrue(browser.pageHas("owner"));
        assertTrue(browser.pageHas("po:"));
    }
}
