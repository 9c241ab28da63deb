package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/lead-score.dmn} row by row against the table of docs/product.md §3.2, on the Drools DMN engine. */
class LeadScoreTableTest {

    private static DecisionOutcome evaluate(String source, int visits, int dwell) {
        return ShippedRules.ruleSet().evaluate("lead-score", Map.of("source", source, "visits30d", visits, "dwellSeconds", dwell));
    }

    private static int number(DecisionOutcome outcome, String decision) {
        return ((BigDecimal) outcome.result(decision)).intValueExact();
    }

    @ParameterizedTest(name = "source {0} -> {1} points")
    @CsvSource({"REFERRAL, 40", "TRADE_SHOW, 30", "WEBSITE, 25", "PARTNER, 25", "WECHAT, 20", "ONLINE_AD, 15", "COLD_CALL, 10", "OTHER, 5"})
    void sourcePoints(String source, int points) {
        assertThat(number(evaluate(source, 0, 0), "sourcePoints")).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} visits in 30 days -> {1} points")
    @CsvSource({"0, 0", "1, 0", "2, 10", "4, 10", "5, 20", "9, 20", "10, 30", "250, 30"})
    void visitPoints(int visits, int points) {
        assertThat(number(evaluate("OTHER", visits, 0), "visitPoints")).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} s dwell -> {1} points")
    @CsvSource({"0, 0", "59, 0", "60, 10", "299, 10", "300, 20", "599, 20", "600, 30", "86400, 30"})
    void dwellPoints(int dwell, int points) {
        assertThat(number(evaluate("OTHER", 0, dwell), "dwellPoints")).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0}/{1} visits/{2} s -> {3} = grade {4}, follow-up {5} h, {6}")
    @CsvSource({
            "REFERRAL,   10, 600, 100, A, 4,  ASSIGN",
            "REFERRAL,    5, 300,  80, A, 4,  ASSIGN",
            "TRADE_SHOW,  5, 299,  60, B, 9,  ASSIGN",
            "WEBSITE,     5, 299,  55, C, 18, ASSIGN",
            "WECHAT,      2, 300,  50, C, 18, ASSIGN",
            "WECHAT,      2,  60,  40, C, 18, ASSIGN",
            "ONLINE_AD,   2, 300,  45, C, 18, ASSIGN",
            "COLD_CALL,   5,  60,  40, C, 18, ASSIGN",
            "WEBSITE,     4,  59,  35, D,   , NURTURE",
            "OTHER,       1,  59,   5, D,   , NURTURE",
            "PARTNER,    10, 300,  75, B, 9,  ASSIGN",
            "TRADE_SHOW, 10, 600,  90, A, 4,  ASSIGN",
            "REFERRAL,    9, 599,  80, A, 4,  ASSIGN",
            "REFERRAL,    4, 299,  60, B, 9,  ASSIGN",
            "REFERRAL,    1, 299,  50, C, 18, ASSIGN",
            "REFERRAL,    1,  59,  40, C, 18, ASSIGN",
            "OTHER,      10, 600,  65, B, 9,  ASSIGN",
            "OTHER,       9, 599,  45, C, 18, ASSIGN"})
    void scoreGradeAndFollowUp(String source, int visits, int dwell, int score, String grade, Integer hours, String route) {
        DecisionOutcome outcome = evaluate(source, visits, dwell);

        assertThat(number(outcome, "leadScore")).isEqualTo(score);
        Map<?, ?> gradeResult = (Map<?, ?>) outcome.result("leadGrade");
        assertThat(gradeResult.get("grade")).isEqualTo(grade);
        assertThat(gradeResult.get("followUpBusinessHours") == null ? null : ((BigDecimal) gradeResult.get("followUpBusinessHours")).intValue())
                .isEqualTo(hours);
        assertThat(gradeResult.get("route")).isEqualTo(route);
    }
}
