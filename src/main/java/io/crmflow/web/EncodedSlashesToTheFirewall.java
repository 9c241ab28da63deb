package io.crmflow.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses {@code %2F} and {@code %5C} in a path itself, with an empty 400. Passed through, the request reaches
 * Spring Security's firewall, which refuses it just the same but answers with a problem document like every other error.
 */
@Component
class EncodedSlashesToTheFirewall implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
    }
}
