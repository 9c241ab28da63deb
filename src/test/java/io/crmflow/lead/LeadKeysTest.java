package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadKeysTest {

    @ParameterizedTest
    @CsvSource({"'  Wang.Li@Example.COM ', wang.li@example.com", "'', ", "a@b.cn, a@b.cn"})
    void emailIsTrimmedAndCaseFolded(String email, String key) {
        assertThat(LeadKeys.email(email)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"+86 138-0013-8000, 13800138000", "0086 138 0013 8000, 13800138000", "(138) 0013 8000, 13800138000",
            "8613800138000, 13800138000", "021-6234 5678, 02162345678", "'---', "})
    void phoneKeepsDigitsWithoutChinaPrefix(String phone, String key) {
        assertThat(LeadKeys.phone(phone)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({
            "上海华东医疗器械有限公司, 上海华东医疗器械",
            "上海华东医疗器械股份有限公司, 上海华东医疗器械",
            "'上海 华东·医疗器械 (集团)', 上海华东医疗器械",
            "'Acme Medical Co., Ltd.', acmemedical",
            "'ACME  medical co ltd', acmemedical",
            "'Acme Medical Inc.', acmemedical",
            "Cisco, cisco",
            "'Costco Wholesale Corporation', costcowholesale",
            "公司, 公司"})
    void companyFoldsCaseSpacePunctuationAndLegalForm(String company, String key) {
        assertThat(LeadKeys.company(company)).isEqualTo(key);
    }
}
