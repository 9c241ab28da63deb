package io.crmflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;

import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;

class EngineRestServiceLookupsTest {

    /** Counts what it is asked, answers as the application's class loader does. */
    static final class CountingLoader extends ClassLoader {

        final List<String> asked = new ArrayList<>();

        CountingLoader() {
            super(EngineRestServiceLookupsTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            asked.add(name);
            return super.getResources(name);
        }
    }

    @Test
    void serviceFilesAreListedOnceAndFoundAsBefore() throws IOException {
        CountingLoader application = new CountingLoader();
        var remembering = new EngineRestServiceLookups.RememberingServiceLists(application);
        String providers = "META-INF/services/" + ProcessEngineProvider.class.getName();

        List<URL> first = Collections.list(remembering.getResources(providers));
        List<URL> second = Collections.list(remembering.getResources(providers));

        assertThat(first).isNotEmpty().isEqualTo(second).isEqualTo(Collections.list(application.getParent().getResources(providers)));
        assertThat(application.asked).containsExactly(providers);
    }

    @Test
    void camundaRestFindsTheSameEngineProviderThroughIt() {
        var remembering = new EngineRestServiceLookups.RememberingServiceLists(new CountingLoader());

        List<String> found = new ArrayList<>();
        ServiceLoader.load(ProcessEngineProvider.class, remembering).forEach(provider -> found.add(provider.getClass().getName()));
        List<String> direct = new ArrayList<>();
        ServiceLoader.load(ProcessEngineProvider.class, getClass().getClassLoader()).forEach(provider -> direct.add(provider.getClass().getName()));

        assertThat(found).isNotEmpty().isEqualTo(direct);
    }

    @Test
    void otherResourcesAreAskedEveryTime() throws IOException {
        CountingLoader application = new CountingLoader();
        var remembering = new EngineRestServiceLookups.RememberingServiceLists(application);

        remembering.getResources("application.yaml");
        remembering.getResources("application.yaml");

        assertThat(application.asked).containsExactly("application.yaml", "application.yaml");
        assertThat(remembering.getResource("application.yaml")).isEqualTo(application.getResource("application.yaml"));
    }
}
