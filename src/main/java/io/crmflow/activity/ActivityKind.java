package io.crmflow.activity;

/** What kind of contact with the customer an activity was (docs/product.md §13). */
public enum ActivityKind {
    /** On site, at the customer's. */
    VISIT("拜访 Visit"),
    CALL("电话 Call"),
    ONLINE_MEETING("线上会议 Online meeting"),
    /** A technical demonstration of a product. */
    DEMO("演示 Demo"),
    EMAIL("邮件 Email"),
    IM("即时消息 IM");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
