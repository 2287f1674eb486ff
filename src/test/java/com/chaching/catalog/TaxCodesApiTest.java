package com.chaching.catalog;

import static com.chaching.catalog.ProductsApiTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /products/taxCodes: the catalog shipped with the service. */
class TaxCodesApiTest extends ApiTest {

    @Test
    void theCatalogHasAtLeastFortyCodesInEightCategoriesInCodeOrder() {
        Api api = signUp();
        List<JsonNode> codes = new ArrayList<>();
        Response page = api.get("/products/taxCodes?limit=100");
        page.json().get("data").forEach(codes::add);
        while (page.json().get("hasMore").asBoolean()) {
            page = api.get("/products/taxCodes?limit=100&startingAfter=" + codes.getLast().get("id").asString());
            page.json().get("data").forEach(codes::add);
        }

        assertThat(codes).hasSizeGreaterThanOrEqualTo(40);
        Set<String> categories = new HashSet<>();
        codes.forEach(code -> categories.add(code.get("category").get("name").asString()));
        assertThat(categories).hasSizeGreaterThanOrEqualTo(8)
                .contains("Software as a Service – business use", "Software as a Service – personal use", "Digital goods",
                        "General services", "Physical goods", "Shipping", "Training and education",
                        "Memberships and subscriptions", "Non-taxable");
        List<String> ids = codes.stream().map(code -> code.get("id").asString()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id.matches("txcd_[0-9]{8}"));
        JsonNode first = codes.getFirst();
        assertThat(first.get("object").asString()).isEqualTo("tax_code");
        assertThat(first.get("name").asString()).isNotBlank();
        assertThat(first.get("description").asString()).isNotBlank();
    }

    @Test
    void searchMatchesIdNameDescriptionOrCategoryIgnoringCase() {
        Api api = signUp();

        assertThat(ids(api.get("/products/taxCodes?search=TXCD_10103000"))).containsExactly("txcd_10103000");
        assertThat(texts(api.get("/products/taxCodes?search=saas&limit=100"))).isNotEmpty()
                .allMatch(text -> text.toLowerCase().contains("saas"));
        assertThat(api.get("/products/taxCodes?search=shipping&limit=100").json().get("data").valueStream()
                .anyMatch(code -> code.get("category").get("name").asString().equals("Shipping"))).isTrue();
        assertThat(ids(api.get("/products/taxCodes?search=no-such-code-anywhere"))).isEmpty();
    }

    @Test
    void theCatalogIsTheSameForEveryAccountAndNeedsAKey() {
        assertThat(signUp().get("/products/taxCodes").body()).isEqualTo(signUp().get("/products/taxCodes").body());
        assertThat(anonymous().get("/products/taxCodes").status()).isEqualTo(401);
    }

    private static List<String> texts(Response list) {
        return list.json().get("data").valueStream().map(code -> String.join(" ", code.get("id").asString(),
                code.get("name").asString(), code.get("description").asString(), code.get("category").get("name").asString())).toList();
    }
}
