package io.crmflow.lead;

/** Where a lead came from; each source has points in {@code rules/lead-score.dmn}. */
public enum LeadSource {
    REFERRAL, TRADE_SHOW, WEBSITE, PARTNER, WECHAT, ONLINE_AD, COLD_CALL, OTHER
}
