package com.iusign.platform.app;

import com.iusign.platform.Application;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries across all Maven modules: a type in one module that reaches into another
 * module's internal package, a dependency not declared in {@code allowedDependencies}, or a cycle
 * fails {@link ApplicationModules#verify()}.
 */
class ModularityTests {

    private static final Pattern TABLE_ROW = Pattern.compile("\\| `([a-z]+)` \\| `com\\.iusign[^|]*\\|.*\\| ([^|]+) \\|");

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyMavenModuleIsDetectedAsAnApplicationModule() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("kernel", "lifecycle", "security", "mail", "identity", "signing", "telemetry", "domains", "compliance", "retention", "inventory", "audit", "fleet", "app");
    }

    /**
     * Security's API is interfaces and values; its implementations live in {@code internal} and are
     * reached only through Spring. An API type that reached back into {@code internal} would make
     * the two packages a cycle again.
     */
    @Test
    void securitysApiReachesIntoNoImplementation() {
        ArchRuleDefinition.noClasses().that().resideInAPackage("com.iusign.platform.security")
                .should().dependOnClassesThat().resideInAPackage("com.iusign.platform.security.internal..")
                .check(new ClassFileImporter().importPackages("com.iusign.platform.security"));
    }

    /** The table in {@code docs/architecture.md} is what a newcomer reads first: it must not drift from the code. */
    @Test
    void theArchitectureTableNamesEachModulesAllowedDependencies() throws IOException, ClassNotFoundException {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/architecture.md"))) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.matches() && !row.group(1).equals("embedded")) {
                documented.put(row.group(1), row.group(2).strip().equals("—") ? Set.of()
                        : Set.of(row.group(2).strip().split(",\\s*")));
            }
        }
        Map<String, Set<String>> declared = new TreeMap<>();
        for (ApplicationModule module : modules) {
            Class<?> packageInfo = Class.forName(module.getBasePackage().getName() + ".package-info");
            declared.put(module.getIdentifier().toString(), Arrays.stream(packageInfo
                            .getAnnotation(org.springframework.modulith.ApplicationModule.class).allowedDependencies())
                    .map(dependency -> dependency.split("::")[0].strip()).collect(Collectors.toSet()));
        }

        assertThat(documented).isEqualTo(declared);
    }

    /**
     * The module diagram of {@code docs/architecture.md} is drawn from the code's dependencies (every
     * module uses the kernel; those arrows are left out). When a dependency changes, the failure
     * prints the diagram to paste.
     */
    @Test
    void theArchitectureDiagramIsTheOneTheCodeDraws() throws IOException {
        StringBuilder diagram = new StringBuilder("```mermaid\nflowchart TD\n");
        modules.stream().sorted(Comparator.comparing(module -> module.getIdentifier().toString())).forEach(module ->
                module.getDirectDependencies(modules).uniqueModules().map(dependency -> dependency.getIdentifier().toString())
                        .filter(dependency -> !dependency.equals("kernel")).sorted()
                        .forEach(dependency -> diagram.append("    ").append(module.getIdentifier()).append(" --> ").append(dependency)
                                .append('\n')));
        diagram.append("```");
        String doc = Files.readString(Path.of("../docs/architecture.md"));
        int start = doc.indexOf("```mermaid");
        String documented = start < 0 ? "" : doc.substring(start, doc.indexOf("```", start + 3) + 3);

        assertThat(documented).as("the diagram in docs/architecture.md; replace it with%n%s%n", diagram).isEqualTo(diagram.toString());
    }

    /** Modulith's own documentation (PlantUML component diagrams and module canvases), kept next to the architecture page. */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
