package io.crmflow.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Reads the rule files of the installation: from the {@code rules/} folder on disk, else from the packaged copy. */
@Component
public class RuleFileSource {

    private final RulesProperties properties;

    public RuleFileSource(RulesProperties properties) {
        this.properties = properties;
    }

    public List<RuleFile> load() {
        Path directory = properties.directory();
        return Files.isDirectory(directory) ? fromDirectory(directory) : fromClasspath();
    }

    public String describeOrigin() {
        Path directory = properties.directory();
        return Files.isDirectory(directory) ? directory.toAbsolutePath().toString() : "classpath:rules/";
    }

    private static boolean isRuleFile(String name) {
        return name.endsWith(".dmn") || name.endsWith(".drl") || name.endsWith(".yaml");
    }

    private static List<RuleFile> fromDirectory(Path directory) {
        try (Stream<Path> paths = Files.list(directory)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = path.getFileName().toString();
                if (isRuleFile(name)) {
                    files.add(new RuleFile(name, Files.readAllBytes(path)));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule files from " + directory, e);
        }
    }

    private static List<RuleFile> fromClasspath() {
        try {
            List<RuleFile> files = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*")) {
                String name = resource.getFilename();
                if (name != null && isRuleFile(name)) {
                    try (InputStream in = resource.getInputStream()) {
                        files.add(new RuleFile(name, in.readAllBytes()));
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read packaged rule files", e);
        }
    }
}
