package io.crmflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Matching without splitting on spaces: Chinese phrases, synonyms, whole Latin words. */
class KnowledgeBaseMatcherTest {

    private static final KbSynonyms SYNONYMS = KbSynonyms.parse("""
            synonyms:
              - [血糖仪, 血糖检测仪, glucose meter]
              - [校准, 标定, calibrate]
            """);

    private static KbArticle article(long id, String keywords) {
        return new KbArticle(id, "article " + id, keywords, "answer", KbArticleStatus.APPROVED, null, "lily", "lily", null,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void chineseTextMatchesPhrasesAndSynonymsWithoutSpaces() {
        var calibration = article(1, "血糖仪、校准");
        assertThat(KnowledgeBaseMatcher.bestMatch("我们新买的血糖检测仪需要标定吗", List.of(calibration), SYNONYMS)).contains(calibration);
        assertThat(KnowledgeBaseMatcher.bestMatch("血糖仪的发票", List.of(calibration), SYNONYMS)).as("one of two keywords").isEmpty();
    }

    @Test
    void latinKeywordsMatchWholeWordsOnly() {
        var calibrate = article(2, "calibrate, glucose meter");
        assertThat(KnowledgeBaseMatcher.bestMatch("How do I CALIBRATE the Glucose  Meter?", List.of(calibrate), SYNONYMS)).contains(calibrate);
        assertThat(KnowledgeBaseMatcher.bestMatch("recalibrated glucose meters", List.of(calibrate), SYNONYMS)).isEmpty();
    }

    @Test
    void theLargestShareOfMatchedKeywordsWins() {
        var partly = article(3, "血糖仪, 校准, 电池");
        var fully = article(4, "血糖仪, 校准");
        assertThat(KnowledgeBaseMatcher.bestMatch("血糖仪怎么校准", List.of(partly, fully), SYNONYMS)).contains(fully);
    }
}
