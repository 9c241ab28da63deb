package io.crmflow.opportunity;

/** The opportunity a qualified lead became, and whether an {@code opportunity} process now carries it. */
public record OpenedOpportunity(long id, String stage, String processInstanceId) {

    public boolean processStarted() {
        return processInstanceId != null;
    }
}
