package io.crmflow.lead.assignment;

/** Points one dimension (region, product line, industry) contributes to a rep's match for the lead. */
public class MatchPoints {

    private final String userId;
    private final String dimension;
    private final int points;

    public MatchPoints(String userId, String dimension, int points) {
        this.userId = userId;
        this.dimension = dimension;
        this.points = points;
    }

    public String getUserId() {
        return userId;
    }

    public String getDimension() {
        return dimension;
    }

    public int getPoints() {
        return points;
    }
}
