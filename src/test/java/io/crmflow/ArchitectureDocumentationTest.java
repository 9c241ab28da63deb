package io.crmflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * The module diagrams and canvases in {@code docs/architecture/generated} are written by Spring Modulith's
 * {@link Documenter} from the code, so the picture cannot drift from the packages: this test generates them afresh
 * and fails when the committed files differ, after putting the new ones in place (commit them).
 */
class ArchitectureDocumentationTest {

    private static final Path COMMITTED = Path.of("docs", "architecture", "generated");
    private static final Path FRESH = Path.of("target", "architecture-docs");

    @Test
    void committedModuleDiagramsMatchTheCode() throws IOException {
        DiagramOptions c4 = DiagramOptions.defaults().withStyle(DiagramStyle.C4);
        new Documenter(ApplicationModules.of(CrmflowApplication.class),
                Documenter.Options.defaults().withOutputFolder(FRESH.toString()))
                .writeModulesAsPlantUml(c4)
                .writeIndividualModulesAsPlantUml(c4)
                .writeModuleCanvases();

        Map<String, String> fresh = contents(FRESH);
        fresh.replaceAll((name, text) -> inStableOrder(text));
        Map<String, String> committed = contents(COMMITTED);
        assertThat(fresh).as("generated files").isNotEmpty();

        Set<String> outOfDate = new TreeSet<>(fresh.keySet());
        outOfDate.addAll(committed.keySet());
        outOfDate.removeIf(name -> Objects.equals(fresh.get(name), committed.get(name)));
        if (!outOfDate.isEmpty()) {
            replaceCommitted(fresh.keySet());
        }
        assertThat(outOfDate)
                .as("files of docs/architecture/generated that were out of date with the modules in the code; "
                        + "they have just been regenerated: review and commit them")
                .isEmpty();
    }

    private static void replaceCommitted(Iterable<String> freshNames) throws IOException {
        Files.createDirectories(COMMITTED);
        try (Stream<Path> old = Files.list(COMMITTED)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (String name : freshNames) {
            Files.writeString(COMMITTED.resolve(name), inStableOrder(Files.readString(FRESH.resolve(name))));
        }
    }

    /**
     * Structurizr writes a diagram's relationships in hash order, which changes from run to run; sorting each run of
     * {@code Rel(...)} lines keeps the same diagram the same file.
     */
    private static String inStableOrder(String plantUml) {
        List<String> lines = new ArrayList<>(plantUml.lines().toList());
        int start = 0;
        while (start < lines.size()) {
            int end = start;
            while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
                end++;
            }
            Collections.sort(lines.subList(start, end));
            start = end + 1;
        }
        return String.join("\n", lines) + "\n";
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> byName = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return byName;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(Files::isRegularFile).forEach(files::add);
        }
        files.forEach(file -> byName.put(file.getFileName().toString(), read(file)));
        return byName;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
