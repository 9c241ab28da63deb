package io.crmflow.lead;

/**
 * How contact details look to people who may not see them in full (docs/product.md §8): enough to recognise them, not enough to
 * use them. Leads and customers' contacts are masked the same way.
 */
public final class ContactMasks {

    private ContactMasks() {
    }

    /** {@code 138****1234}. */
    public static String phone(String phone) {
        String digits = LeadKeys.phone(phone);
        if (digits == null) {
            return null;
        }
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** {@code a***@example.com}: the domain tells the company, the name stays private. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code w***}: a WeChat id, like the name part of an email address. */
    public static String wechat(String wechat) {
        return wechat == null || wechat.isEmpty() ? wechat : wechat.charAt(0) + "***";
    }
}
