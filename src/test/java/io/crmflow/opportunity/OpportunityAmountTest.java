package io.crmflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.contract.ContractTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The opportunity's amount follows what was approved: an approved quote's net total, then the approved contract's
 * amount, which is the final word. Each change is on the timeline and in the audit log, and the forecast and the
 * leaderboard, which read the amount, follow it.
 */
class OpportunityAmountTest extends ContractTestSupport {

    /** A close month no other test uses, so that the forecast of that month is this test's opportunity alone. */
    private static final LocalDate CLOSE = LocalDate.of(2091, 3, 15);

    @Test
    void theAmountFollowsTheApprovedQuotesThenTheApprovedContract() {
        long opportunity = proposal();
        recordAmount(opportunity, "100000.00");
        long ultrasound = product("迈瑞 Resona 超声系统", unique("超声"), "120000.00", 5);

        long listPriceQuote = submit("chen", opportunity, List.of(line(ultrasound, 1)), "0").getBody().get("id").asLong();
        assertThat(reloadQuote(opportunity, listPriceQuote).get("status").asText()).as("no approval needed").isEqualTo("APPROVED");
        assertThat(amountOf(opportunity)).isEqualByComparingTo("120000.00");

        long discounted = submit("chen", opportunity, List.of(line(ultrasound, 1)), "15").getBody().get("id").asLong();
        assertThat(amountOf(opportunity)).as("a quote waiting for approval changes nothing").isEqualByComparingTo("120000.00");
        assertThat(decide("mia", discounted, true, "年度框架价").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(amountOf(opportunity)).isEqualByComparingTo("102000.00");
        JsonNode forecast = forecastOfTheCloseMonth();
        assertThat(forecast.get("pipeline").decimalValue()).isEqualByComparingTo("102000.00");
        assertThat(forecast.get("weighted").decimalValue()).as("50 %% in PROPOSAL").isEqualByComparingTo("51000.00");

        assertThat(moveTo(opportunity, "NEGOTIATION", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(forecastOfTheCloseMonth().get("weighted").decimalValue()).as("80 %% in NEGOTIATION").isEqualByComparingTo("81600.00");
        BigDecimal wonBefore = wonAmountOfChenThisYear();
        JsonNode contract = draft("chen", opportunity, Map.of("quoteId", listPriceQuote, "terms", "货到付款 30 天")).getBody();
        decide("leo", contract, true, null);
        decide("mia", contract, true, null);

        assertThat(opportunityOf(contract).get("stage").asText()).isEqualTo("WON");
        assertThat(amountOf(opportunity)).as("the contract is made from the first quote").isEqualByComparingTo("120000.00");
        assertThat(wonAmountOfChenThisYear().subtract(wonBefore)).as("the leaderboard").isEqualByComparingTo("120000.00");
        assertThat(amountChanges(opportunity)).as("newest first").containsExactly(
                "mia: 102000.00 → 120000.00", "mia: 120000.00 → 102000.00", "process: 100000.00 → 120000.00", "chen: null → 100000.00");
        assertThat(timeline(opportunity)).filteredOn(event -> event.get("type").asText().equals("AMOUNT_CHANGED"))
                .extracting(event -> event.get("actor").asText() + ": " + event.get("detail").asText())
                .containsExactly(
                        "process: 金额 Amount 100,000.00 → 120,000.00 CNY: 报价 quote Q-" + listPriceQuote + " 已批准 approved",
                        "mia: 金额 Amount 120,000.00 → 102,000.00 CNY: 报价 quote Q-" + discounted + " 已批准 approved",
                        "mia: 金额 Amount 102,000.00 → 120,000.00 CNY: 合同 contract " + contract.get("number").asText() + " 已批准 approved");
        assertThat(timeline(opportunity)).extracting(event -> event.get("type").asText())
                .as("the contract's amount is the won amount").containsSubsequence("CONTRACT_APPROVED", "AMOUNT_CHANGED", "STAGE_CHANGED");
    }

    @Test
    void aQuoteApprovedAfterTheContractLeavesTheContractsAmount() {
        long opportunity = proposal();
        long ultrasound = product("迈瑞 Resona 超声系统", unique("超声"), "90000.00", 5);
        long listPriceQuote = submit("chen", opportunity, List.of(line(ultrasound, 1)), "0").getBody().get("id").asLong();
        long discounted = submit("chen", opportunity, List.of(line(ultrasound, 1)), "15").getBody().get("id").asLong();
        assertThat(moveTo(opportunity, "NEGOTIATION", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode contract = draft("chen", opportunity, Map.of("quoteId", listPriceQuote)).getBody();
        decide("leo", contract, true, null);
        decide("mia", contract, true, null);
        assertThat(opportunityOf(contract).get("stage").asText()).isEqualTo("WON");

        assertThat(decide("mia", discounted, true, null).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(reloadQuote(opportunity, discounted).get("status").asText()).isEqualTo("APPROVED");
        assertThat(amountOf(opportunity)).isEqualByComparingTo("90000.00");
        assertThat(amountChanges(opportunity)).as("the contract's amount equals its quote's: one change only")
                .containsExactly("process: null → 90000.00");
        assertThat(timeline(opportunity)).filteredOn(event -> event.get("type").asText().startsWith("AMOUNT_"))
                .extracting(event -> event.get("type").asText() + ": " + event.get("detail").asText())
                .containsExactly("AMOUNT_CHANGED: 金额 Amount — → 90,000.00 CNY: 报价 quote Q-" + listPriceQuote + " 已批准 approved",
                        "AMOUNT_KEPT: 金额保持 Amount stays 90,000.00 CNY: 合同已批准 the contract is approved; 报价 quote Q-" + discounted
                                + " (76,500.00 CNY) 不再改变金额 no longer changes it");
    }

    private void recordAmount(long opportunity, String amount) {
        ResponseEntity<JsonNode> updated = as("chen").exchange("/api/opportunities/" + opportunity, HttpMethod.PATCH,
                new HttpEntity<>(Map.of("amount", new BigDecimal(amount), "expectedCloseDate", CLOSE.toString())), JsonNode.class);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private BigDecimal amountOf(long opportunity) {
        return as("chen").getForObject("/api/opportunities/" + opportunity, JsonNode.class).get("amount").decimalValue();
    }

    private JsonNode forecastOfTheCloseMonth() {
        JsonNode rows = as("chen").getForObject("/api/analytics/forecast?from=" + CLOSE.withDayOfMonth(1) + "&to="
                + CLOSE.withDayOfMonth(CLOSE.lengthOfMonth()), JsonNode.class);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private BigDecimal wonAmountOfChenThisYear() {
        LocalDate today = LocalDate.now();
        JsonNode rows = as("chen").getForObject("/api/analytics/leaderboard?from=" + today.withDayOfYear(1) + "&to=" + today.plusDays(1),
                JsonNode.class);
        return rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).get("wonAmount").decimalValue();
    }

    /** {@code actor: old → new} of the audit log's entries for the opportunity's field {@code amount}. */
    private List<String> amountChanges(long opportunity) {
        JsonNode entries = as("admin").getForObject("/api/audit?entity=opportunity&entityId=" + opportunity, JsonNode.class);
        List<String> changes = new ArrayList<>();
        entries.forEach(entry -> {
            if (entry.get("field").asText().equals("amount")) {
                changes.add(entry.get("actor").asText() + ": " + entry.path("oldValue").asText("null") + " → " + entry.get("newValue").asText());
            }
        });
        return changes;
    }

    private JsonNode timeline(long opportunity) {
        return as("chen").getForObject("/api/opportunities/" + opportunity + "/timeline", JsonNode.class);
    }
}
