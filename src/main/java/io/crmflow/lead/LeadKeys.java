package io.crmflow.lead;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalised forms of a lead's email, phone and company, so that the same customer submitted twice is recognised
 * (docs/product.md §3.1: email case-folded; phone digits only without +86; company folded, legal-form suffixes ignored).
 */
public final class LeadKeys {

    // Longest first: "股份有限公司" must be removed whole, not leave "股份" behind.
    private static final List<String> CHINESE_SUFFIXES = List.of("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司");

    // Latin legal forms only as separate words at the end, so that "Cisco" keeps its "co".
    private static final Pattern LATIN_SUFFIX = Pattern.compile(
            "[\\s,.]+(co\\.?,?\\s*ltd|co\\.?,?\\s*limited|limited|ltd|inc|corp|corporation|company|co|llc|gmbh)\\.?\\s*$");

    private LeadKeys() {
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    public static String company(String company) {
        if (company == null) {
            return null;
        }
        String text = Normalizer.normalize(company, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        for (Matcher latin = LATIN_SUFFIX.matcher(text); latin.find(); latin = LATIN_SUFFIX.matcher(text)) {
            text = text.substring(0, latin.start());
        }
        String folded = text.replaceAll("[^\\p{L}\\p{N}]", "");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : CHINESE_SUFFIXES) {
                if (folded.endsWith(suffix) && folded.length() > suffix.length()) {
                    folded = folded.substring(0, folded.length() - suffix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return folded.isEmpty() ? null : folded;
    }
}
