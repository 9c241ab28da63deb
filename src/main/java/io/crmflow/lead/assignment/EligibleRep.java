package io.crmflow.lead.assignment;

/** A rep the rules consider able to take the lead, with the match percentage that made them eligible. */
public class EligibleRep {

    private final String userId;
    private final int match;
    private final int openLeads;

    public EligibleRep(String userId, int match, int openLeads) {
        this.userId = userId;
        this.match = match;
        this.openLeads = openLeads;
    }

    public String getUserId() {
        return userId;
    }

    public int getMatch() {
        return match;
    }

    public int getOpenLeads() {
        return openLeads;
    }
}
