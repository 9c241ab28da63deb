package io.crmflow.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieRuntimeFactory;
import org.kie.dmn.api.core.DMNRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link RuleSet} from rule files with the Drools compilers. A set with any error is refused as a whole,
 * with every problem named by file and line, so that a broken file can never replace a working version.
 */
@Component
public class RuleSetCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleSetCompiler.class);
    private static final String RESOURCE_ROOT = "src/main/resources/rules/";
    private static final Pattern DRL_PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    private final KieServices kieServices = KieServices.Factory.get();
    private final AtomicLong builds = new AtomicLong();
    private final List<RuleFileValidator> validators;

    public RuleSetCompiler(List<RuleFileValidator> validators) {
        this.validators = List.copyOf(validators);
    }

    /**
     * Compiles {@code ruleFiles} and evaluates every DMN decision over the inputs its tables define
     * ({@link DecisionProbe}): what a new version must pass before it is stored or served.
     *
     * @throws RuleValidationException naming file, line and message of every problem
     */
    public RuleSet validate(Collection<RuleFile> ruleFiles) {
        RuleSet ruleSet = compile(ruleFiles);
        long started = System.nanoTime();
        List<RuleProblem> problems = DecisionProbe.probe(ruleSet);
        log.info("Rule set {}: every DMN decision evaluated over its tables' inputs in {} ms, {} problem(s)", ruleSet.version(),
                (System.nanoTime() - started) / 1_000_000, problems.size());
        if (!problems.isEmpty()) {
            throw new RuleValidationException(problems);
        }
        return ruleSet;
    }

    /**
     * Compiles {@code ruleFiles}; used as is for versions that were validated when they were stored.
     *
     * @throws RuleValidationException naming file, line and message of every compile error
     */
    public RuleSet compile(Collection<RuleFile> ruleFiles) {
        SortedMap<String, RuleFile> files = RuleFile.byName(ruleFiles);
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFileValidator validator : validators) {
            problems.addAll(validator.validate(files.values()));
        }
        List<RuleProblem> notDmn = files.values().stream().flatMap(file -> ModelerDmnNormalizer.notADmnDocument(file).stream()).toList();
        if (!notDmn.isEmpty()) {
            // The KIE builder would fail with an exception on these, not with messages: stop before it.
            problems.addAll(notDmn);
            throw new RuleValidationException(problems);
        }
        String version = contentHash(files.values());
        // A unique release id per build: the KIE repository keeps modules by id, and equal ids would alias versions.
        ReleaseId releaseId = kieServices.newReleaseId("io.crmflow.rules", "ruleset-" + version, "1." + builds.incrementAndGet());
        KieFileSystem fileSystem = kieServices.newKieFileSystem();
        fileSystem.generateAndWritePomXML(releaseId);
        for (RuleFile file : files.values()) {
            if (file.isDmn() || file.isDrl()) {
                // The version is the hash of the files as their owner wrote them; Drools gets Modeler's DMN made portable.
                fileSystem.write(kieServices.getResources().newByteArrayResource(ModelerDmnNormalizer.normalize(file).content())
                        .setSourcePath(sourcePath(file))
                        .setResourceType(file.isDmn() ? ResourceType.DMN : ResourceType.DRL));
            }
        }
        // Drools names a FEEL syntax error without a line: parse each FEEL text ourselves, and keep its lineless message only
        // for files where that found nothing.
        Set<String> withSyntaxErrors = new HashSet<>();
        for (RuleFile file : files.values()) {
            if (file.isDmn()) {
                List<RuleProblem> syntax = FeelSyntaxCheck.check(file, DmnSourceLines.of(file));
                problems.addAll(syntax);
                if (!syntax.isEmpty()) {
                    withSyntaxErrors.add(file.name());
                }
            }
        }
        KieBuilder builder = kieServices.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String file = fileName(message.getPath());
            if (message.getLine() > 0 || !withSyntaxErrors.contains(file)) {
                problems.add(new RuleProblem(file, message.getLine(), message.getText()));
            }
        }
        if (!problems.isEmpty()) {
            kieServices.getRepository().removeKieModule(releaseId);
            throw new RuleValidationException(problems);
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        kieServices.getRepository().removeKieModule(releaseId);
        DMNRuntime dmnRuntime = KieRuntimeFactory.of(container.getKieBase()).get(DMNRuntime.class);
        return new RuleSet(version, files, container, dmnRuntime);
    }

    /** Where the KIE builder sees the file: a DRL in the folder of its package, as Drools expects (it warns otherwise). */
    private static String sourcePath(RuleFile file) {
        Matcher drlPackage = file.isDrl() ? DRL_PACKAGE.matcher(file.text()) : null;
        String folder = drlPackage != null && drlPackage.find() ? "src/main/resources/" + drlPackage.group(1).replace('.', '/') + "/" : RESOURCE_ROOT;
        return folder + file.name();
    }

    private static String fileName(String path) {
        if (path == null) {
            return "(rule set)";
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The version {@code files} compile to, in whatever order they come. */
    static String versionOf(Collection<RuleFile> files) {
        return contentHash(RuleFile.byName(files).values());
    }

    static String contentHash(Collection<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
