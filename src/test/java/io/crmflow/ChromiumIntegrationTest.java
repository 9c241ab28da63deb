package io.crmflow;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/** Base of the browser tests: the whole application, and one headless Chromium per test class. */
public abstract class ChromiumIntegrationTest extends IntegrationTest {

    protected static HeadlessChromium chromium;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start();
    }

    /** A picture of the page after each test, named after it, to see what the browser saw when one fails. */
    @AfterEach
    void screenshot(TestInfo test) throws IOException {
        chromium.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
