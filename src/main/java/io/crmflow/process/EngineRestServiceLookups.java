package io.crmflow.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API looks its process engine up through {@link java.util.ServiceLoader} every time it makes a resource
 * object, several times per request ({@code EngineUtil.lookupProcessEngine}). The lookup lists
 * {@code META-INF/services/…} of every jar of the application through the thread's context class loader: about 250 jar
 * lookups per call, a large share of a trivial request's CPU (bench/auth.sh, {@code GET /engine-rest/version}).
 *
 * <p>During the requests of Camunda's REST API (also what Tasklist, Cockpit and Admin call) the context class loader is
 * one that remembers those lists; everything else it hands to the loader it wraps. The application's jars do not change
 * while it runs, so a remembered list stays true. One wrapper per wrapped loader keeps caches keyed by class loader
 * (Spring's, Jackson's) as effective as before.
 */
@Component
class EngineRestServiceLookups extends OncePerRequestFilter {

    private static final List<String> ENGINE_REST_PATHS = List.of("/engine-rest/", "/camunda/api/");

    private final Map<ClassLoader, RememberingServiceLists> wrappers = new ConcurrentHashMap<>();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ENGINE_REST_PATHS.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        if (original == null) {
            chain.doFilter(request, response);
            return;
        }
        thread.setContextClassLoader(wrappers.computeIfAbsent(original, RememberingServiceLists::new));
        try {
            chain.doFilter(request, response);
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    /** Delegates everything to its parent; remembers only the lists of service provider files. */
    static final class RememberingServiceLists extends ClassLoader {

        private static final String SERVICE_FILES = "META-INF/services/";

        private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

        RememberingServiceLists(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith(SERVICE_FILES)) {
                return super.getResources(name);
            }
            try {
                return Collections.enumeration(serviceFiles.computeIfAbsent(name, this::listFromParent));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private List<URL> listFromParent(String name) {
            try {
                return List.copyOf(Collections.list(getParent().getResources(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
