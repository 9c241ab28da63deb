package io.crmflow.customer;

import java.util.Locale;

import io.crmflow.web.BadRequestException;

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-character set without I, O, S,
 * V and Z; the last is a check character over the first 17 (weights 3^i mod 31, check = 31 − Σ mod 31).
 */
final class CreditCodes {

    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final int LENGTH = 18;

    private CreditCodes() {
    }

    /** The code as stored (trimmed, upper case), or null for none; a code that is not one is a 400 naming {@code creditCode}. */
    static String normalised(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        if (normalised.length() != LENGTH) {
            throw new BadRequestException("creditCode", "A unified social credit code has 18 characters, not " + normalised.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (CHARACTERS.indexOf(normalised.charAt(i)) < 0) {
                throw new BadRequestException("creditCode", "Character " + (i + 1) + " '" + normalised.charAt(i)
                        + "' cannot be in a unified social credit code (allowed: " + CHARACTERS + ")");
            }
        }
        char expected = checkCharacter(normalised.substring(0, LENGTH - 1));
        if (normalised.charAt(LENGTH - 1) != expected) {
            throw new BadRequestException("creditCode", "Check character of " + normalised + " is wrong: expected '" + expected + "'");
        }
        return normalised;
    }

    /** The 18th character for the first 17 (all from {@link #CHARACTERS}). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }
}
