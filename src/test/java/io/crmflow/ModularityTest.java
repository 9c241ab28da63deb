package io.crmflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk only through each other's public types: no reaching into another feature's internals. */
class ModularityTest {

    @Test
    void featureBoundariesHold() {
        ApplicationModules.of(CrmflowApplication.class).verify();
    }
}
