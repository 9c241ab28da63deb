package io.crmflow.opportunity;

import io.crmflow.web.NotFoundException;

class OpportunityNotFoundException extends NotFoundException {

    OpportunityNotFoundException(long id) {
        super("Opportunity " + id + " does not exist");
    }
}
