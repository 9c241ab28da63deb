package io.crmflow.rules;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param directory where rule files are read from; when it does not exist (a packaged jar run elsewhere) the copy
 *                  packaged into the jar under {@code rules/} is used
 */
@ConfigurationProperties("crmflow.rules")
public record RulesProperties(Path directory) {

    public RulesProperties {
        if (directory == null) {
            directory = Path.of("rules");
        }
    }
}
