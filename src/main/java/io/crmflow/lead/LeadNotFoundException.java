package io.crmflow.lead;

import io.crmflow.web.NotFoundException;

public class LeadNotFoundException extends NotFoundException {

    public LeadNotFoundException(long id) {
        super("Lead " + id + " does not exist");
    }
}
