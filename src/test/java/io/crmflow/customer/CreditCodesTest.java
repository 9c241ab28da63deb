package io.crmflow.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.web.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check character of GB 32100-2015 on published codes, and what is refused. */
class CreditCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "9144030071526726XG"})
    void acceptsPublishedCodes(String code) {
        assertThat(CreditCodes.normalised(code)).isEqualTo(code);
    }

    @Test
    void normalisesCaseAndSpaces() {
        assertThat(CreditCodes.normalised(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCodes.normalised("  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100YI3", "91350100M000100Y43X"})
    void refusesWrongCheckCharacterLengthOrCharacters(String code) {
        assertThatThrownBy(() -> CreditCodes.normalised(code)).isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("creditCode"));
    }

    /** A code with a valid check character that no other test uses. */
    static String uniqueCode() {
        StringBuilder first17 = new StringBuilder("91");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (first17.length() < 17) {
            first17.append(CreditCodes.CHARACTERS.charAt(random.nextInt(CreditCodes.CHARACTERS.length())));
        }
        return first17.toString() + CreditCodes.checkCharacter(first17.toString());
    }
}
