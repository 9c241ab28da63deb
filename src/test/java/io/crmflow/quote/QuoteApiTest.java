package io.crmflow.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Products, quotes, stock, who may see and decide, PDF and bad input, through the HTTP API. */
class QuoteApiTest extends QuoteTestSupport {

    private static final List<String> TABLES = List.of("product", "quote", "quote_line", "quote_approval", "opportunity_event",
            "notification_outbox", "act_ru_execution", "act_ru_task");

    private Map<String, Long> rowCounts() {
        return TABLES.stream().collect(Collectors.toMap(table -> table, this::count));
    }

    @Test
    void salesStaffAndFinanceReadTheCatalogueAdministratorsMaintainIt() {
        JsonNode catalogue = as("alice").getForObject("/api/products?category=监护仪", JsonNode.class);
        assertThat(catalogue.findValuesAsText("name")).contains("迈瑞 PM-7000 多参数监护仪");
        assertThat(catalogue.findValuesAsText("category")).containsOnly("监护仪");
        assertThat(as("fiona").getForEntity("/api/products", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("sam").getForEntity("/api/products", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        Map<String, Object> product = Map.of("sku", unique("CON"), "name", "一次性输液器", "category", "耗材", "listPrice", 2.5, "stock", 100);
        assertThat(as("mia").postForEntity("/api/products", product, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> created = as("admin").postForEntity("/api/products", product, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("listPrice").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(as("admin").postForEntity("/api/products", product, JsonNode.class).getStatusCode()).as("same SKU")
                .isEqualTo(HttpStatus.CONFLICT);

        Map<String, Object> restocked = new java.util.HashMap<>(product);
        restocked.put("stock", 250);
        ResponseEntity<JsonNode> replaced = as("admin").exchange("/api/products/" + created.getBody().get("id").asLong(), HttpMethod.PUT,
                new HttpEntity<>(restocked), JsonNode.class);
        assertThat(replaced.getBody().get("stock").asInt()).isEqualTo(250);
    }

    @Test
    void aLineShortOfStockIsRefusedWithSubstitutesOfTheSameCategoryAndNothingIsWritten() {
        long opportunity = proposal();
        String category = unique("监护仪");
        long wanted = product("科曼 C9 床旁监护仪", category, "29600.00", 5);
        long plenty = product("理邦 iM50 便携监护仪", category, "21800.00", 30);
        long few = product("宝莱特 A8 监护仪", category, "25000.00", 3);
        product("停产监护仪", category, "9999.00", 0);
        long otherCategory = product("心电电极片", unique("耗材"), "680.00", 1000);
        Map<String, Long> before = rowCounts();

        ResponseEntity<JsonNode> refused = submit("chen", opportunity, List.of(line(otherCategory, 10), line(wanted, 8)), "5");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText()).contains("line 2", "8 × 科曼 C9 床旁监护仪", "only 5 in stock");
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("lines[1].quantity");
        JsonNode shortage = refused.getBody().get("shortages").get(0);
        assertThat(refused.getBody().get("shortages")).hasSize(1);
        assertThat(shortage.get("line").asInt()).isEqualTo(2);
        assertThat(shortage.get("requested").asInt()).isEqualTo(8);
        assertThat(shortage.get("inStock").asInt()).isEqualTo(5);
        JsonNode substitutes = shortage.get("substitutes");
        assertThat(substitutes.findValuesAsText("productId")).containsExactly(String.valueOf(plenty), String.valueOf(few));
        assertThat(substitutes.get(0).get("stock").asInt()).isEqualTo(30);
        assertThat(substitutes.get(0).get("listPrice").decimalValue()).isEqualByComparingTo("21800.00");
        assertThat(substitutes.get(0).get("enough").asBoolean()).isTrue();
        assertThat(substitutes.get(1).get("enough").asBoolean()).isFalse();
        assertThat(rowCounts()).isEqualTo(before);

        ResponseEntity<JsonNode> substituted = submit("chen", opportunity, List.of(line(otherCategory, 10), line(plenty, 8)), "5");
        assertThat(substituted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(substituted.getBody().get("listTotal").decimalValue()).isEqualByComparingTo("181200.00");
        assertThat(substituted.getBody().get("discountAmount").decimalValue()).isEqualByComparingTo("9060.00");
        assertThat(substituted.getBody().get("netTotal").decimalValue()).isEqualByComparingTo("172140.00");
        assertThat(substituted.getBody().get("currency").asText()).isEqualTo("CNY");
    }

    @Test
    void unitPricesDefaultToListPriceAndAConcessionCountsTowardsTheDiscount() {
        long opportunity = proposal();
        long monitor = product("迈瑞 PM-7000 多参数监护仪", unique("监护仪"), "38500.00", 10);

        ResponseEntity<JsonNode> submitted = submit("chen", opportunity,
                List.of(Map.of("productId", monitor, "quantity", 2, "unitPrice", new BigDecimal("36575.00"))), "8");

        // 5 % below list, then 8 % on the lines: 1 - 0.95 × 0.92 = 12.6 % off list, which the manager approves.
        JsonNode quote = submitted.getBody();
        assertThat(quote.get("lines").get(0).get("listPrice").decimalValue()).isEqualByComparingTo("38500.00");
        assertThat(quote.get("lines").get(0).get("lineTotal").decimalValue()).isEqualByComparingTo("73150.00");
        assertThat(quote.get("effectiveDiscountPercent").decimalValue()).isEqualByComparingTo("12.6");
        assertThat(quote.get("approvalRoute").asText()).isEqualTo("SALES_MANAGER");
        assertThat(quote.get("netTotal").decimalValue()).isEqualByComparingTo("67298.00");
    }

    @Test
    void onlyTheOwnerTheRegionsManagerAndAdministratorsQuoteAndSeeQuotes() {
        long opportunity = proposal();
        JsonNode quote = quote(opportunity, "25");
        long id = quote.get("id").asLong();
        String path = "/api/opportunities/" + opportunity + "/quotes";
        long monitor = quote.get("lines").get(0).get("productId").asLong();

        assertThat(submit("alice", opportunity, List.of(line(monitor, 1)), "0").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(submit("noah", opportunity, List.of(line(monitor, 1)), "0").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("alice").getForEntity(path, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("noah").getForEntity(path + "/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("mia").getForObject(path, JsonNode.class).findValuesAsText("id")).containsExactly(String.valueOf(id));
        assertThat(as("admin").getForEntity(path + "/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        long otherOpportunity = proposal();
        assertThat(as("chen").getForEntity("/api/opportunities/" + otherOpportunity + "/quotes/" + id, JsonNode.class).getStatusCode())
                .as("a quote through another opportunity").isEqualTo(HttpStatus.NOT_FOUND);

        // Deciding: the manager's step is mia's; the owner sees the quote but may not decide, strangers learn nothing.
        assertThat(decide("chen", id, true, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(decide("alice", id, true, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(decide("fiona", id, true, null).getStatusCode()).as("not finance's step yet").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(decide("noah", id, true, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(decide("mia", id, true, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(decide("mia", id, true, null).getStatusCode()).as("finance's step now").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(decide("fiona", 99999999, true, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void quotesAreMadeInProposalOnly() {
        ResponseEntity<JsonNode> created = as("chen").postForEntity("/api/opportunities", Map.of("name", unique("佛山诊所"), "region", "SOUTH"),
                JsonNode.class);
        long opportunity = created.getBody().get("id").asLong();
        long consumable = product("一次性血氧探头", unique("耗材"), "1250.00", 400);

        ResponseEntity<JsonNode> early = submit("chen", opportunity, List.of(line(consumable, 1)), "0");

        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("detail").asText()).contains("PROPOSAL", "INITIAL_CONTACT");
        moveTo(opportunity, "LOST", Map.of());
        as("chen").postForEntity("/api/opportunities/" + opportunity + "/stage", Map.of("stage", "LOST", "lossReason", "NO_BUDGET"), JsonNode.class);
        assertThat(submit("chen", opportunity, List.of(line(consumable, 1)), "0").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anApprovedQuoteRendersToAPdfWithChineseTextAndAnEmbeddedFont() throws IOException {
        long opportunity = proposal();
        long monitor = product("迈瑞 PM-7000 多参数监护仪", unique("监护仪"), "38500.00", 10);
        long probes = product("一次性血氧探头（50只/箱）", unique("耗材"), "1250.00", 400);
        JsonNode quote = submit("chen", opportunity, List.of(line(monitor, 2), line(probes, 12)), "15").getBody();
        String pdfPath = "/api/opportunities/" + opportunity + "/quotes/" + quote.get("id").asLong() + ".pdf";
        HttpHeaders acceptPdf = new HttpHeaders();
        acceptPdf.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));

        ResponseEntity<String> pending = as("chen").exchange(pdfPath, HttpMethod.GET, new HttpEntity<>(acceptPdf), String.class);
        assertThat(pending.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(pending.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        decide("mia", quote.get("id").asLong(), true, "同意");

        ResponseEntity<byte[]> pdf = as("chen").exchange(pdfPath, HttpMethod.GET, new HttpEntity<>(acceptPdf), byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        PdfReader reader = new PdfReader(pdf.getBody());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        // 2 × 38 500 + 12 × 1 250 = 92 000.00; 15 % = 13 800.00; net 78 200.00
        assertThat(text).contains("报价单", quote.get("number").asText(), "广州中山医院", "迈瑞 PM-7000 多参数监护仪", "一次性血氧探头",
                "92,000.00", "13,800.00", "78,200.00", "CNY", "mia");
        assertThat(embeddedFonts(reader)).anySatisfy(name -> assertThat(name).contains("NotoSansSC"));
        assertThat(as("alice").getForEntity(pdfPath, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Names of the fonts on page 1 whose program is in the file (FontFile2: TrueType outlines, subset). */
    private static List<String> embeddedFonts(PdfReader reader) {
        PdfDictionary fonts = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        return fonts.getKeys().stream().map(key -> fonts.getAsDict(key))
                .map(font -> font.getAsArray(PdfName.DESCENDANTFONTS) == null ? font : font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0))
                .filter(font -> font.getAsDict(PdfName.FONTDESCRIPTOR) != null
                        && font.getAsDict(PdfName.FONTDESCRIPTOR).get(PdfName.FONTFILE2) != null)
                .map(font -> font.getAsName(PdfName.BASEFONT).toString())
                .toList();
    }

    @ParameterizedTest(name = "{0} as {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "{\"lines\": [], \"discountPercent\": 5}                                              | lines            | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 1}]}                            | discountPercent  | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 1}], \"discountPercent\": 100.5} | discountPercent  | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 1}], \"discountPercent\": -1}    | discountPercent  | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 1}], \"discountPercent\": 5.555} | discountPercent  | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 0}], \"discountPercent\": 5}     | lines[0].quantity | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT}], \"discountPercent\": 5}                     | lines[0].quantity | chen | 422",
            "{\"lines\": [{\"productId\": 99999999, \"quantity\": 1}], \"discountPercent\": 5}   | lines[0].productId | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 1}, {\"productId\": PRODUCT, \"quantity\": 2}], \"discountPercent\": 5} | lines[1].productId | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 1, \"unitPrice\": 100.01}], \"discountPercent\": 5} | lines[0].unitPrice | chen | 422",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": \"many\"}], \"discountPercent\": 5} | lines.[0].quantity | chen | 400",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 1}], \"discountPercent\": 5, \"vip\": true} | vip      | chen | 400",
            "{\"lines\": [{\"productId\": PRODUCT, \"quantity\": 1}], \"discountPercent\": 5     | body             | chen | 400"})
    void badQuoteInputIsAProblemNamingTheFieldAndWritesNothing(String body, String field, String user, int status) {
        long opportunity = proposal();
        long product = product("布洛芬缓释胶囊", unique("非处方药"), "100.00", 50);
        Map<String, Long> before = rowCounts();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> response = as(user).exchange("/api/opportunities/" + opportunity + "/quotes", HttpMethod.POST,
                new HttpEntity<>(body.replace("PRODUCT", String.valueOf(product)), headers), JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} as {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "POST | /api/quotes/abc/decision | {\"approve\": true}                 | mia   | 400",
            "POST | /api/quotes/1/decision   | {}                                  | mia   | 422",
            "POST | /api/quotes/1/decision   | {\"approve\": \"yes\"}              | mia   | 400",
            "GET  | /api/opportunities/1/quotes/abc | none                         | mia   | 400",
            "GET  | /api/opportunities/99999999/quotes | none                      | mia   | 404",
            "GET  | /api/opportunities/99999999/quotes/1.pdf | none                | mia   | 404",
            "POST | /api/products             | {\"sku\": \"X1\", \"name\": \"x\", \"category\": \"耗材\", \"listPrice\": 0, \"stock\": 1} | admin | 422",
            "POST | /api/products             | {\"sku\": \"../x\", \"name\": \"x\", \"category\": \"耗材\", \"listPrice\": 1, \"stock\": 1} | admin | 422",
            "POST | /api/products             | {\"sku\": \"X2\", \"name\": \"x\", \"category\": \"耗材\", \"listPrice\": 1, \"stock\": -1} | admin | 422",
            "PUT  | /api/products/99999999    | {\"sku\": \"X3\", \"name\": \"x\", \"category\": \"耗材\", \"listPrice\": 1, \"stock\": 1} | admin | 404"})
    void badInputElsewhereIsAProblemAndWritesNothing(String method, String path, String body, String user, int status) {
        Map<String, Long> before = rowCounts();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> response = as(user).exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
        assertThat(rowCounts()).isEqualTo(before);
    }
}
