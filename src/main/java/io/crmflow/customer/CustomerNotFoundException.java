package io.crmflow.customer;

import io.crmflow.web.NotFoundException;

class CustomerNotFoundException extends NotFoundException {

    CustomerNotFoundException(long id) {
        super("Customer " + id + " does not exist");
    }
}
