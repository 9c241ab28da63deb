package io.crmflow.ticket;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Groups of words that mean the same, from {@code rules/kb-synonyms.yaml}; used when matching tickets to articles. */
final class KbSynonyms {

    static final String FILE_NAME = "kb-synonyms.yaml";
    static final KbSynonyms NONE = new KbSynonyms(Map.of());

    /** Each normalized word to its whole group (itself included). */
    private final Map<String, Set<String>> groups;

    private KbSynonyms(Map<String, Set<String>> groups) {
        this.groups = groups;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong, with the line where the YAML parser knows it
     */
    static KbSynonyms parse(String yaml) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException("line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("synonyms") instanceof List<?> lists) || root.size() != 1) {
            throw new IllegalArgumentException("expected one key 'synonyms' with a list of groups, e.g. synonyms: [[发票, invoice]]");
        }
        Map<String, Set<String>> groups = new HashMap<>();
        for (int i = 0; i < lists.size(); i++) {
            if (!(lists.get(i) instanceof List<?> words) || words.size() < 2) {
                throw new IllegalArgumentException("synonyms group #" + (i + 1) + " must be a list of at least two words");
            }
            Set<String> group = new LinkedHashSet<>();
            for (Object word : words) {
                String normalized = word == null ? "" : normalize(word.toString());
                if (normalized.isBlank()) {
                    throw new IllegalArgumentException("synonyms group #" + (i + 1) + " has an empty word");
                }
                group.add(normalized);
            }
            for (String word : group) {
                groups.merge(word, group, (a, b) -> {
                    Set<String> merged = new LinkedHashSet<>(a);
                    merged.addAll(b);
                    return merged;
                });
            }
        }
        return new KbSynonyms(Map.copyOf(groups));
    }

    /** The keyword and every word of its groups. */
    List<String> expand(String keyword) {
        String normalized = normalize(keyword);
        List<String> words = new ArrayList<>(groups.getOrDefault(normalized, Set.of(normalized)));
        if (!words.contains(normalized)) {
            words.add(0, normalized);
        }
        return words;
    }

    /** Full-width letters and digits to ASCII (NFKC), lower case, runs of white space to one space. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
