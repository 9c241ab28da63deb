package io.crmflow.lead.assignment;

/** The rules' choice among the eligible reps. No instance in working memory means: nobody fits, use the pool. */
public class AssignedRep {

    private final String userId;
    private final int match;

    public AssignedRep(String userId, int match) {
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
