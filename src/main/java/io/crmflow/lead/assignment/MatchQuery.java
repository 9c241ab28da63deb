package io.crmflow.lead.assignment;

/** Asks the assignment rules for one rep's match percentage, whether or not the rep is eligible. */
public class MatchQuery {

    private final String userId;

    public MatchQuery(String userId) {
        this.userId = userId;
    }

    public String getUserId() {
        return userId;
    }
}
