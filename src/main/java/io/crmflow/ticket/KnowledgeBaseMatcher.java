package io.crmflow.ticket;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.RuleSet;
import org.springframework.stereotype.Component;

/**
 * Finds the approved article that answers a ticket (L1). Chinese text has no spaces between words, so nothing is split
 * into words: a keyword matches when the ticket text contains it, or one of its synonyms, as a phrase. Latin-script
 * keywords must match whole words ("pin" does not match "spinning"). An article matches when more than half of its
 * keywords do; the best match has the largest share, then the most keywords, then the oldest article.
 */
@Component
class KnowledgeBaseMatcher {

    private static final Pattern KEYWORD_SEPARATORS = Pattern.compile("[,，、;；\\n]+");
    private static final Pattern LATIN_WORD = Pattern.compile("[\\p{IsLatin}\\p{N}' ]+");

    private final ActiveRuleSet rules;
    private final AtomicReference<Parsed> synonyms = new AtomicReference<>();

    KnowledgeBaseMatcher(ActiveRuleSet rules) {
        this.rules = rules;
    }

    Optional<KbArticle> bestMatch(String ticketText, List<KbArticle> approved) {
        return bestMatch(ticketText, approved, synonyms());
    }

    static Optional<KbArticle> bestMatch(String ticketText, List<KbArticle> approved, KbSynonyms words) {
        String text = KbSynonyms.normalize(ticketText);
        return approved.stream()
                .map(article -> score(article, text, words))
                .filter(Match::enough)
                .max(Comparator.comparingDouble(Match::share).thenComparingInt(Match::matched)
                        .thenComparing(match -> -match.article().id()))
                .map(Match::article);
    }

    static List<String> keywords(String keywords) {
        return Arrays.stream(KEYWORD_SEPARATORS.split(keywords)).map(String::strip).filter(word -> !word.isEmpty()).toList();
    }

    private static Match score(KbArticle article, String text, KbSynonyms words) {
        List<String> keywords = keywords(article.keywords());
        int matched = (int) keywords.stream().filter(keyword -> words.expand(keyword).stream().anyMatch(word -> contains(text, word))).count();
        return new Match(article, matched, keywords.size());
    }

    private static boolean contains(String text, String word) {
        if (LATIN_WORD.matcher(word).matches()) {
            return Pattern.compile("(?<![\\p{IsLatin}\\p{N}])" + Pattern.quote(word) + "(?![\\p{IsLatin}\\p{N}])").matcher(text).find();
        }
        return text.contains(word);
    }

    private KbSynonyms synonyms() {
        RuleSet ruleSet = rules.current();
        Parsed cached = synonyms.get();
        if (cached != null && cached.version().equals(ruleSet.version())) {
            return cached.synonyms();
        }
        KbSynonyms parsed = ruleSet.file(KbSynonyms.FILE_NAME).map(file -> KbSynonyms.parse(file.text())).orElse(KbSynonyms.NONE);
        synonyms.set(new Parsed(ruleSet.version(), parsed));
        return parsed;
    }

    private record Match(KbArticle article, int matched, int total) {

        boolean enough() {
            return matched * 2 > total;
        }

        double share() {
            return total == 0 ? 0 : (double) matched / total;
        }
    }

    private record Parsed(String version, KbSynonyms synonyms) {
    }
}
