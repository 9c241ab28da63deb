package io.crmflow.lead.assignment;

/** The answer to a {@link MatchQuery}: the rep's match percentage for the lead. */
public class RepMatch {

    private final String userId;
    private final int match;

    public RepMatch(String userId, int match) {
        this.userId = userId;
        this.match = match;
    }

    public String getUserId() {
        return userId;
    }

    public int getMatch() {
        return match;
    }
}
