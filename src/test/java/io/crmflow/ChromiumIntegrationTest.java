package io.crmflow;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the browser tests: the whole application, and one headless Chromium per test class. */
public abstract class ChromiumIntegrationTest extends IntegrationTest {

    protected static HeadlessChromium chromium;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
