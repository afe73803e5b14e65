package it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The back office's menu screens in a real browser: a tax rate, categories, an item with a modifier
 * group (refused first, with the message at the offending input), and an outlet's own price and
 * availability, checked through the public API as the POS would read them.
 */
class MenuUiIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private Browser browser;
    private String token;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        token = token();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOwnerBuildsAnItemWithModifiersAndPricesItForOneOutlet() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1000000);
        long mitte = outletId("Bistro Mitte");
        long hafen = outletId("Bistro Hafen");

        signInAsOwner();
        browser.open("/admin/taxRates.xhtml");

        // a tax rate
        String tax = "Reduced " + run;
        browser.until(d -> d.findElement(By.id("newTaxRate"))).click();
        browser.type(By.id("taxRateForm:name"), tax);
        browser.type(By.id("taxRateForm:rate"), "7");
        browser.find(By.id("taxRateForm:save")).click();
        browser.until(d -> browser.pageHas("Tax rate \u201c" + tax + "\u201d saved."));
        assertTrue(texts("span.tax-name").contains(tax), texts("span.tax-name").toString());

        // a category and a sub-category, listed under it
        String category = "Pizza " + run;
        String sub = "Calzone " + run;
        browser.open("/admin/categories.xhtml");
        browser.until(d -> d.findElement(By.id("newCategory"))).click();
        browser.type(By.id("categoryForm:name"), category);
        browser.find(By.id("categoryForm:save")).click();
        browser.until(d -> browser.pageHas("Category \u201c" + category + "\u201d saved."));
        browser.find(By.id("newCategory")).click();
        browser.type(By.id("categoryForm:name"), sub);
        choose("categoryForm:parent", category);
        browser.find(By.id("categoryForm:save")).click();
        browser.until(d -> browser.pageHas("Category \u201c" + sub + "\u201d saved."));
        List<String> categories = texts("span.category-name");
        assertEquals(categories.indexOf(category) + 1, categories.indexOf(sub), categories.toString());
        browser.snapshot("admin-categories");

        // an item whose modifier group allows more choices than it has modifiers, and whose one
        // modifier takes the price below zero: refused, each message at its input
        String sku = "UI-" + run;
        String item = "Margherita " + run;
        browser.open("/admin/items.xhtml");
        browser.until(d -> d.findElement(By.id("newItem"))).click();
        browser.type(By.id("itemForm:sku"), sku);
        browser.type(By.id("itemForm:name"), item);
        choose("itemForm:category", category);
        browser.type(By.id("itemForm:price"), "9.50");
        choose("itemForm:taxRate", tax);
        browser.type(By.id("itemForm:station"), "oven");
        browser.find(By.id("itemForm:addGroup")).click();
        browser.until(d -> d.findElement(By.id("itemForm:groups:0:groupName")));
        browser.type(By.id("itemForm:groups:0:groupName"), "Size");
        browser.type(By.id("itemForm:groups:0:min"), "0");
        browser.type(By.id("itemForm:groups:0:max"), "2");
        browser.type(By.id("itemForm:groups:0:modifiers:0:modifierName"), "Large");
        browser.type(By.id("itemForm:groups:0:modifiers:0:priceDelta"), "-20.00");
        browser.find(By.id("itemForm:save")).click();

        WebElement maxMessage = browser.until(d -> {
            WebElement m = d.findElement(By.id("itemForm:groups:0:max")).findElement(
                    By.xpath("./following::*[contains(@class,'ui-message')][1]"));
            return m.getText().contains("Must not exceed the number of modifiers (1)") ? m : null;
        });
        assertTrue(maxMessage.getAttribute("id").startsWith("itemForm:groups:0:"), maxMessage.getAttribute("id"));
        // and the modifier that would take the price below zero, at its own price change
        WebElement deltaMessage = browser.find(By.id("itemForm:groups:0:modifiers:0:priceDelta"))
                .findElement(By.xpath("./following::*[contains(@class,'ui-message')][1]"));
        assertTrue(deltaMessage.getText().contains("Must not take the price below zero"), deltaMessage.getText());
        assertTrue(deltaMessage.getAttribute("id").startsWith("itemForm:groups:0:modifiers:0:"), deltaMessage.getAttribute("id"));
        assertTrue(browser.path().startsWith("/admin/item.xhtml"), browser.path());
        assertTrue(soldItem(mitte, sku).isEmpty(), "nothing was created");
        browser.snapshot("admin-item-invalid");

        browser.type(By.id("itemForm:groups:0:max"), "1");
        browser.type(By.id("itemForm:groups:0:modifiers:0:priceDelta"), "2.00");
        browser.find(By.id("itemForm:save")).click();
        browser.until(d -> browser.path().startsWith("/admin/items.xhtml"));
        browser.until(d -> browser.pageHas("Item \u201c" + item + "\u201d saved."));
        assertTrue(texts("span.item-sku").contains(sku), texts("span.item-sku").toString());
        browser.snapshot("admin-items");
        // filtered by its category, the list holds just this item
        choose("itemsForm:category", category);
        browser.until(d -> texts("span.item-sku").equals(List.of(sku)) ? true : null);

        // the item is sold everywhere at the chain price, with its modifier group
        JsonObject chain = soldItem(hafen, sku).orElseThrow(() -> new AssertionError(sku + " not on the menu"));
        assertEquals(0, new BigDecimal("9.50").compareTo(chain.getJsonNumber("price").bigDecimalValue()), chain.toString());
        assertEquals("Size", chain.getJsonArray("modifierGroups").getJsonObject(0).getString("name"));

        // Bistro Mitte sells it at its own price, and not at the moment
        browser.open("/admin/outletMenu.xhtml?outlet=" + mitte);
        browser.until(d -> d.findElement(By.id("outletMenuTitle")).getText().contains("Bistro Mitte"));
        WebElement row = browser.until(d -> d.findElement(By.xpath(
                "//tr[.//span[contains(@class,'item-sku') and text()='" + sku + "']]")));
        assertEquals("9.50", row.findElement(By.cssSelector("span.chain-price")).getText());
        browser.type(By.id(row.findElement(By.xpath(".//input[contains(@id,':price')]")).getAttribute("id")), "11.00");
        row.findElement(By.cssSelector(".ui-toggleswitch")).click();
        browser.find(By.id("overridesForm:save")).click();
        browser.until(d -> browser.pageHas("1 change saved for Bistro Mitte."));
        browser.snapshot("admin-outlet-menu");

        JsonObject atMitte = soldItem(mitte, sku).orElseThrow(() -> new AssertionError(sku + " not sold at Mitte"));
        assertEquals(0, new BigDecimal("11.00").compareTo(atMitte.getJsonNumber("price").bigDecimalValue()), atMitte.toString());
        assertFalse(atMitte.getBoolean("available"), atMitte.toString());
        JsonObject atHafen = soldItem(hafen, sku).orElseThrow(() -> new AssertionError(sku + " not sold at Hafen"));
        assertEquals(0, new BigDecimal("9.50").compareTo(atHafen.getJsonNumber("price").bigDecimalValue()), atHafen.toString());
        assertTrue(atHafen.getBoolean("available"), atHafen.toString());

        // the page shows what is stored: the outlet price stays, the switch is off
        browser.open("/admin/outletMenu.xhtml?outlet=" + mitte);
        WebElement stored = browser.until(d -> d.findElement(By.xpath(
                "//tr[.//span[contains(@class,'item-sku') and text()='" + sku + "']]")));
        assertEquals("11.00", new BigDecimal(stored.findElement(By.xpath(".//input[contains(@id,':price')]"))
                .getAttribute("value")).setScale(2).toPlainString());
        assertFalse(stored.findElement(By.cssSelector(".ui-toggleswitch")).getAttribute("class").contains("ui-toggleswitch-checked"));

        // the outlet switcher keeps the owner on the outlet prices: at Bistro Hafen the item inherits
        choose("nav:outletSwitcher", "Bistro Hafen");
        browser.until(d -> d.findElement(By.id("outletMenuTitle")).getText().contains("Bistro Hafen"));
        WebElement inherited = browser.until(d -> d.findElement(By.xpath(
                "//tr[.//span[contains(@class,'item-sku') and text()='" + sku + "']]")));
        assertEquals("", inherited.findElement(By.xpath(".//input[contains(@id,':price')]")).getAttribute("value"));
        assertTrue(inherited.findElement(By.cssSelector(".ui-toggleswitch")).getAttribute("class").contains("ui-toggleswitch-checked"));
    }

    @Test
    void aCategoryThatStillHoldsAnItemIsNotDeleted() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1000000);
        String category = "Desserts " + run;
        long categoryId = create("/api/v1/menu/categories",
                Json.createObjectBuilder().add("name", category).add("sortOrder", 5).build());
        long taxId = create("/api/v1/tax-rates",
                Json.createObjectBuilder().add("name", "Dessert VAT " + run).add("rate", 19).add("inclusive", true).build());
        create("/api/v1/menu/items", Json.createObjectBuilder().add("sku", "TIRA-" + run).add("name", "Tiramisu " + run)
                .add("categoryId", categoryId).add("price", 6.5).add("taxRateId", taxId).add("station", "cold").build());

        signInAsOwner();
        browser.open("/admin/categories.xhtml");
        WebElement row = browser.until(d -> d.findElement(By.xpath(
                "//tr[.//span[contains(@class,'category-name') and text()='" + category + "']]")));
        row.findElement(By.xpath(".//button[.//span[text()='Delete']]")).click();
        browser.until(d -> d.findElement(By.id("categoriesForm:confirmYes")).isDisplayed() ? true : null);
        browser.find(By.id("categoriesForm:confirmYes")).click();
        browser.until(d -> browser.pageHas("cannot be deleted"));
        assertTrue(browser.pageHas("1 items"), browser.find(By.tagName("body")).getText());
        assertTrue(texts("span.category-name").contains(category), "the category is still listed");
        assertEquals(200, api("GET", "/api/v1/menu/categories/" + categoryId, null).statusCode());
    }

    @Test
    void aBatchOperatorSeesTheMenuButCannotChangeIt() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1000000);
        long categoryId = create("/api/v1/menu/categories", Json.createObjectBuilder().add("name", "Soups " + run).build());
        long taxId = create("/api/v1/tax-rates",
                Json.createObjectBuilder().add("name", "Soup VAT " + run).add("rate", 7).add("inclusive", true).build());
        String sku = "SOUP-" + run;
        create("/api/v1/menu/items", Json.createObjectBuilder().add("sku", sku).add("name", "Soup " + run)
                .add("categoryId", categoryId).add("price", 4.2).add("taxRateId", taxId).add("station", "hot").build());
        String user = "menubatch" + run;
        // no outlets never means all outlets: the batch operator sees the outlet it is given
        long hafen = outletId("Bistro Hafen");
        create("/api/v1/staff", Json.createObjectBuilder().add("username", user).add("displayName", "Mo Batch")
                .add("roles", Json.createArrayBuilder().add("BATCH_OPERATOR")).add("password", "batch-demo-pw")
                .add("outletIds", Json.createArrayBuilder().add(hafen)).add("active", true).build());

        browser.open("/admin/");
        browser.type(By.id("login:tenant"), "demo");
        browser.type(By.id("login:username"), user);
        browser.type(By.id("login:password"), "batch-demo-pw");
        browser.find(By.id("login:signIn")).click();
        browser.until(d -> browser.pageHas("Mo Batch"));

        browser.open("/admin/items.xhtml");
        browser.until(d -> texts("span.item-sku").contains(sku) ? true : null);
        assertTrue(browser.driver.findElements(By.id("newItem")).isEmpty(), "no 'New item' for a batch operator");
        assertFalse(browser.pageHas("Archive"));
        browser.open("/admin/categories.xhtml");
        browser.until(d -> texts("span.category-name").contains("Soups " + run) ? true : null);
        assertTrue(browser.driver.findElements(By.id("newCategory")).isEmpty());
        assertFalse(browser.pageHas("Delete"));
        browser.open("/admin/taxRates.xhtml");
        browser.until(d -> texts("span.tax-name").contains("Soup VAT " + run) ? true : null);
        assertTrue(browser.driver.findElements(By.id("newTaxRate")).isEmpty());
        assertFalse(browser.pageHas("Edit"));

        browser.open("/admin/outletMenu.xhtml?outlet=" + hafen);
        WebElement row = browser.until(d -> d.findElement(By.xpath(
                "//tr[.//span[contains(@class,'item-sku') and text()='" + sku + "']]")));
        assertTrue(row.findElements(By.tagName("input")).isEmpty(), "no inputs: " + row.getText());
        assertTrue(browser.driver.findElements(By.id("overridesForm:save")).isEmpty());

        browser.open("/admin/item.xhtml");
        browser.until(d -> browser.pageHas("not allowed"));
        assertTrue(browser.driver.findElements(By.id("itemForm:save")).isEmpty());
        browser.open("/admin/category.xhtml");
        browser.until(d -> browser.pageHas("not allowed"));
        browser.open("/admin/taxRate.xhtml");
        browser.until(d -> browser.pageHas("not allowed"));
    }

    private void signInAsOwner() {
        browser.open("/admin/");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        browser.type(By.id("login:tenant"), "demo");
        browser.type(By.id("login:username"), "owner");
        browser.type(By.id("login:password"), "owner-demo");
        browser.find(By.id("login:signIn")).click();
        browser.until(d -> browser.pageHas("Olivia Owner"));
    }

    /** Picks {@code label} (or the option that starts with it) in a PrimeFaces select. */
    private void choose(String selectId, String label) {
        browser.find(By.id(selectId)).click();
        browser.until(d -> {
            WebElement option = d.findElement(By.cssSelector("[id='" + selectId + "_panel'] li[data-label^='" + label + "']"));
            // the list of a long select scrolls; test data of earlier runs makes it long
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", option);
            try {
                option.click();
                return true;
            } catch (ElementClickInterceptedException stillOpening) {
                return null; // the panel is still sliding open: the wait tries again
            }
        });
        browser.until(d -> d.findElement(By.id(selectId + "_label")).getText().startsWith(label));
    }

    private List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The item with {@code sku} on the menu as {@code outlet} sells it, as the POS reads it. */
    private Optional<JsonObject> soldItem(long outlet, String sku) throws Exception {
        HttpResponse<String> menu = api("GET", "/api/v1/outlets/" + outlet + "/menu", null);
        assertEquals(200, menu.statusCode(), menu.body());
        return Json.createReader(new StringReader(menu.body())).readObject().getJsonArray("categories").stream()
                .flatMap(c -> c.asJsonObject().getJsonArray("items").stream()).map(JsonValue::asJsonObject)
                .filter(i -> sku.equals(i.getString("sku"))).findFirst();
    }

    private long outletId(String name) throws Exception {
        HttpResponse<String> outlets = api("GET", "/api/v1/outlets", null);
        assertEquals(200, outlets.statusCode(), outlets.body());
        return Json.createReader(new StringReader(outlets.body())).readObject().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(o -> name.equals(o.getString("name")))
                .mapToLong(o -> o.getJsonNumber("id").longValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no outlet " + name + " in " + outlets.body()));
    }

    private long create(String path, JsonObject body) throws Exception {
        HttpResponse<String> created = api("POST", path, body.toString());
        assertEquals(201, created.statusCode(), created.body());
        return Json.createReader(new StringReader(created.body())).readObject().getJsonNumber("id").longValue();
    }

    private HttpResponse<String> api(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.baseUrl + path))
                .header("X-Tenant-ID", "demo").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A token for the demo owner from the public API. */
    private String token() throws Exception {
        String baseUrl = "http://localhost:" + System.getProperty("rms.http.port", "9080");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tenant\":\"demo\",\"username\":\"owner\",\"password\":\"owner-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }
}
