package com.kiwoomhub;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package boundaries of the hub, checked on the compiled classes so that they fail the build
 * instead of living by convention. "Hub" is every package under {@code com.kiwoomhub} except
 * {@code sandbox} (and {@code sandbox.ws}), the built-in simulator of Kiwoom.
 */
class ArchitectureTest {

    private static final String SANDBOX = "com.kiwoomhub.sandbox..";
    private static final String CANONICAL = "com.kiwoomhub.canonical..";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kiwoomhub");

    private static final JavaClasses WITH_TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.kiwoomhub");

    @Test
    void canonicalIsPlainRecordsAndPureTranslators() {
        noClasses().that().resideInAPackage(CANONICAL)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.camel..", "org.apache.kafka..", "org.springframework..", "io.vertx..",
                        "java.net.http..")
                .orShould().dependOnClassesThat(resideInAPackage("com.kiwoomhub..").and(not(resideInAPackage(CANONICAL))))
                .because("canonical records and translators are the contract every route and test builds on: "
                        + "pure functions of their input, testable without Camel, Kafka, "
                        + "Spring or a network, and free of the Kiwoom client and the sandbox")
                .check(MAIN);
    }

    @Test
    void sandboxUsesNothingOfTheHub() {
        noClasses().that().resideInAPackage(SANDBOX)
                .should().dependOnClassesThat(resideInAPackage("com.kiwoomhub..").and(not(resideInAPackage(SANDBOX))))
                .because("the sandbox writes Kiwoom's formats from its own knowledge of them; sharing the hub's "
                        + "client or translators would let one misreading pass on both sides unnoticed")
                .check(MAIN);
    }

    @Test
    void hubUsesNothingOfTheSandbox() {
        noClasses().that().resideInAPackage("com.kiwoomhub..").and().resideOutsideOfPackage(SANDBOX)
                .should().dependOnClassesThat().resideInAPackage(SANDBOX)
                .because("the hub talks to the sandbox only over HTTP and WebSocket, like to Kiwoom, so every flow "
                        + "runs unchanged against the real API; the sandbox is chosen only by "
                        + "sandbox.SandboxStartup, registered by name in META-INF/spring.factories")
                .check(MAIN);
    }

    @Test
    void sandboxStartupIsTheOnlyWiringOfTheSandbox() throws IOException {
        Properties factories = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring.factories")) {
            factories.load(in);
        }
        List<String> sandboxEntries = factories.values().stream()
                .flatMap(value -> Stream.of(((String) value).split(",")))
                .map(String::trim)
                .filter(name -> name.startsWith("com.kiwoomhub.sandbox."))
                .toList();
        // the one place allowed to choose the sandbox: it points the hub's kiwoom.* settings at it
        assertThat(sandboxEntries).containsExactly("com.kiwoomhub.sandbox.SandboxStartup");
    }

    @Test
    void routesNameNothingOfTheSandbox() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (Files.readString(file).contains("com.kiwoomhub.sandbox")) {
                    offending.add(file.getFileName().toString());
                }
            }
        }
        // flows reach Kiwoom (or the sandbox in its place) only through the kiwoom: endpoints
        assertThat(offending).isEmpty();
    }

    @Test
    void sandboxTestsProveTheSandboxWithoutHubCode() {
        noClasses().that().resideInAPackage(SANDBOX)
                .and().doNotHaveFullyQualifiedName("com.kiwoomhub.sandbox.SandboxStartupTest")
                .should().dependOnClassesThat(resideInAPackage("com.kiwoomhub..").and(not(resideInAPackage(SANDBOX))))
                .because("the sandbox is checked against Kiwoom's documented behaviour, not against the hub's "
                        + "reading of it; only SandboxStartupTest boots the hub to prove the no-keys wiring")
                .check(WITH_TESTS);
    }

    @Test
    void noClassNameIsBothSandboxAndHub() {
        Set<String> sandbox = topLevelNames(WITH_TESTS.stream().filter(c -> c.getPackageName().startsWith("com.kiwoomhub.sandbox")));
        Set<String> hub = topLevelNames(WITH_TESTS.stream().filter(c -> !c.getPackageName().startsWith("com.kiwoomhub.sandbox")));
        sandbox.retainAll(hub);
        // one name for two different things (the hub's reading of Kiwoom, the sandbox's writing of it)
        // makes every stack trace, search and review ambiguous
        assertThat(sandbox).as("simple class names used both in the sandbox and in the hub").isEmpty();
    }

    private static Set<String> topLevelNames(Stream<JavaClass> classes) {
        return classes.filter(JavaClass::isTopLevelClass)
                .map(JavaClass::getSimpleName)
                .filter(name -> !name.equals("package-info"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("com.kiwoomhub.(*)..")
                .should().beFreeOfCycles()
                .because("each concern (kiwoom, realtime, orders, marketdata, ...) can then be read, tested and "
                        + "changed from the bottom up")
                .check(MAIN);
    }
}
