package io.crmflow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.crmflow.rules.RuleFile;
import io.crmflow.rules.RuleFileSource;
import io.crmflow.rules.RuleSet;
import io.crmflow.rules.RuleSetCompiler;
import io.crmflow.rules.RulesProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the KieBase and DMN runtime of the shipped {@code rules/}: what every start-up, candidate upload and activation
 * pays. Single shots: the first build in a fresh JVM (as at start-up), and later builds in a warm JVM (as an upload or
 * activation while the application runs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleSetBuildBenchmark {

    private List<RuleFile> files;
    private RuleSetCompiler compiler;

    @Setup
    public void setUp() {
        files = new RuleFileSource(new RulesProperties(Path.of("rules"))).load();
        compiler = new RuleSetCompiler(List.of());
    }

    @Benchmark
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public RuleSet firstBuildInAFreshJvm() {
        return compiler.compile(files);
    }

    @Benchmark
    @Fork(2)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public RuleSet rebuildInAWarmJvm() {
        return compiler.compile(files);
    }
}
