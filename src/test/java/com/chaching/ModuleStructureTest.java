package com.chaching;

import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import modulefixture.ModuleFixtureApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleInformation;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * architecture.md "Modules": dependencies point one way, each module uses only the modules the design puts
 * below it (its {@code allowedDependencies}), and no module reaches into another's internals.
 */
class ModuleStructureTest {

    /**
     * architecture.md: {@code dashboard → subscriptions → invoicing → payments → customers → accounts →
     * platform}, with catalog and tax below invoicing. A module may use every module below it, so each lists
     * them all: Modulith allows only what is listed, never transitively. Catalog and tax stand on platform
     * beside the chain, never on accounts, customers or payments; catalog sits above tax (a price's tax
     * behaviour is a tax type, decisions.md "(ar)"). Events stands beside platform, so that every module can
     * record its changes. The dashboard sits on top of them all, and nothing depends on it.
     * Change this table only with architecture.md.
     */
    private static final Map<String, Set<String>> ALLOWED_DEPENDENCIES = Map.of(
            "platform", Set.of(),
            "events", Set.of("platform"),
            "accounts", Set.of("events", "platform"),
            "customers", Set.of("accounts", "events", "platform"),
            "payments", Set.of("customers", "accounts", "events", "platform"),
            "tax", Set.of("events", "platform"),
            "catalog", Set.of("tax", "events", "platform"),
            "invoicing", Set.of("payments", "customers", "accounts", "catalog", "tax", "events", "platform"),
            "subscriptions", Set.of("invoicing", "payments", "customers", "accounts", "catalog", "tax", "events", "platform"),
            "dashboard", Set.of("subscriptions", "invoicing", "payments", "customers", "accounts", "catalog", "tax", "events",
                    "platform"));

    private final ApplicationModules modules = ApplicationModules.of(ChachingApplication.class);

    @Test
    void modulesDependDownwardOnlyAndUseEachOthersPublicFaceOnly() {
        modules.verify();
    }

    @Test
    void eachModuleDeclaresExactlyTheDependenciesArchitectureAllows() {
        Map<String, List<String>> declared = modules.stream().collect(toMap(
                module -> module.getIdentifier().toString(),
                module -> sorted(ApplicationModuleInformation.of(module.getBasePackage()).getDeclaredDependencies()),
                (first, second) -> first,
                TreeMap::new));
        Map<String, List<String>> expected = new TreeMap<>();
        ALLOWED_DEPENDENCIES.forEach((module, dependencies) -> expected.put(module, sorted(dependencies)));

        // An undeclared module would show Modulith's "open" token here instead of a list.
        assertThat(declared).isEqualTo(expected);
        // An open module, or a shared one (allowed to every module), would widen the table unseen.
        assertThat(modules.stream().filter(ApplicationModule::isOpen).map(ApplicationModule::getIdentifier)).isEmpty();
        assertThat(modules.getSharedModules()).isEmpty();
    }

    @Test
    void aTaxClassUsingTheCustomerServiceFailsVerification() {
        // The default import leaves test classes out, and the fixture is made of test classes.
        ImportOption everyClass = location -> true;
        ApplicationModules fixture = ApplicationModules.of(ModuleFixtureApplication.class, everyClass);

        assertThat(fixture.stream().map(module -> module.getIdentifier().toString()).collect(toSet()))
                .containsExactlyInAnyOrder("platform", "customers", "tax");
        assertThatExceptionOfType(Violations.class)
                .isThrownBy(fixture::verify)
                .satisfies(violations -> assertThat(violations.getMessages())
                        .singleElement()
                        .satisfies(message -> assertThat(message).startsWith(
                                "Module 'tax' depends on module 'customers' via modulefixture.tax.TaxCalculator"
                                        + " -> modulefixture.customers.CustomerService.")));
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }
}
