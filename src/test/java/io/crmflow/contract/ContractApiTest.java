package io.crmflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Contracts through the HTTP API: who may draft and see them, the PDF, and bad input that writes nothing. */
class ContractApiTest extends ContractTestSupport {

    @Test
    void anApprovedContractRendersToAPdfWithTheQuotedLinesAmountTermsAndApprovers() throws IOException {
        JsonNode contract = contract("88000.00");
        String pdfPath = "/api/contracts/" + contract.get("id").asLong() + ".pdf";
        HttpHeaders acceptPdf = new HttpHeaders();
        acceptPdf.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));

        ResponseEntity<String> pending = as("chen").exchange(pdfPath, HttpMethod.GET, new HttpEntity<>(acceptPdf), String.class);
        assertThat(pending.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(pending.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        decide("leo", contract, true, null);
        decide("mia", contract, true, null);

        ResponseEntity<byte[]> pdf = as("chen").exchange(pdfPath, HttpMethod.GET, new HttpEntity<>(acceptPdf), byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = new PdfTextExtractor(new PdfReader(pdf.getBody())).getTextFromPage(1);
        assertThat(text).contains("合同", contract.get("number").asText(), "广州中山医院", "迈瑞 Resona 超声系统", "88,000.00",
                "货到付款 30 天", "leo", "mia");
        assertThat(as("alice").getForEntity(pdfPath, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void contractsNeedAnOpportunityInNegotiationAndOneAtATime() {
        long proposal = proposal();
        long quote = quote(proposal, "5").get("id").asLong();
        assertThat(draft("chen", proposal, Map.of("quoteId", quote)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode contract = contract("60000.00");
        long opportunity = contract.get("opportunityId").asLong();
        assertThat(draft("chen", opportunity, Map.of("quoteId", contract.get("quoteId").asLong())).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(draft("bob", opportunity, Map.of("quoteId", contract.get("quoteId").asLong())).getStatusCode())
                .as("not his region").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("alice").getForEntity("/api/contracts/" + contract.get("id").asLong(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("mia").getForEntity("/api/opportunities/" + opportunity + "/contracts", JsonNode.class).getBody()
                .findValuesAsText("number")).containsExactly(contract.get("number").asText());
    }

    @ParameterizedTest(name = "{0} -> {2} on {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                          | quoteId | 422",
            "{\"quoteId\": \"eins\"}                     | quoteId | 400",
            "{\"quoteId\": 1, \"colour\": \"red\"}       | colour  | 400",
            "{\"quoteId\": OTHER_QUOTE}                  | quoteId | 422",
            "{\"quoteId\": QUOTE, \"terms\": TOO_LONG}   | terms   | 422",
            "{\"quoteId\": QUOTE                         | body    | 400"})
    void badInputIsAProblemNamingTheFieldAndWritesNothing(String body, String field, int status) {
        long opportunity = negotiation("70000.00");
        long otherQuote = approvedQuoteOf(negotiation("71000.00"));
        long contracts = count("contract");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String request = body.replace("OTHER_QUOTE", String.valueOf(otherQuote)).replace("QUOTE", String.valueOf(approvedQuoteOf(opportunity)))
                .replace("TOO_LONG", "\"" + "条".repeat(4001) + "\"");

        ResponseEntity<JsonNode> response = as("chen").exchange("/api/opportunities/" + opportunity + "/contracts", HttpMethod.POST,
                new HttpEntity<>(request, json), JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        assertThat(count("contract")).isEqualTo(contracts);
    }
}
