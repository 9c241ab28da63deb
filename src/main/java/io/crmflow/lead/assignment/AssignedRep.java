package io.crmflow.lead.assignment;

/** The rules' choice among the eligible reps, with its match. No instance in working memory means: nobody fits, use the pool. */
public class AssignedRep extends RepMatch {

    public AssignedRep(String userId, int match) {
        super(userId, match);
    }
}
