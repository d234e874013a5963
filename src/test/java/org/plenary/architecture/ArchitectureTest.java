package org.plenary.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The packages of Plenary and which of them may use which: the allowed layering, written down here
 * and nowhere else in code ({@code docs/architecture.md} mirrors {@link #USES} line by line). There
 * is no list of exceptions: code that needs a higher package lets it react instead (a CDI event the
 * higher one observes, or a small interface the lower one declares and the higher one implements).
 */
@AnalyzeClasses(packages = "org.plenary", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "org.plenary.";

  /** Each package under org.plenary, ground floor first, with the packages it may use. */
  static final Map<String, Set<String>> USES = new LinkedHashMap<>();

  static {
    uses("platform");
    uses("text");
    uses("identity", "platform");
    uses("paper", "platform");
    uses("event", "platform", "identity");
    uses("live", "platform", "identity");
    uses("member", "platform", "identity", "paper");
    uses("section", "platform", "paper", "live");
    uses("notification", "platform", "identity", "paper", "member", "section");
    uses("revision", "platform", "text", "identity", "paper", "section");
    uses("render", "platform", "paper", "section", "revision");
    uses("search", "platform", "paper", "section", "revision");
    uses("workshop", "platform", "text", "identity", "paper", "member", "section", "revision");
    uses("endorsement", "platform", "identity", "paper", "section");
    uses(
        "comment", "platform", "text", "identity", "member", "notification", "section", "revision");
    uses(
        "draft",
        "platform",
        "text",
        "identity",
        "notification",
        "paper",
        "section",
        "workshop",
        "revision");
    uses(
        "publish",
        "platform",
        "text",
        "identity",
        "paper",
        "member",
        "section",
        "revision",
        "render",
        "endorsement");
    uses(
        "demo",
        "platform",
        "identity",
        "paper",
        "member",
        "section",
        "revision",
        "endorsement",
        "comment");
    uses("coedit", "platform", "identity", "paper", "live", "section", "revision");
    uses("importing", "platform", "text", "paper", "section", "revision");
  }

  private static void uses(String feature, String... lower) {
    for (String l : lower) {
      if (!USES.containsKey(l)) {
        throw new IllegalStateException(feature + " may use only packages listed before it: " + l);
      }
    }
    USES.put(feature, Set.of(lower));
  }

  // The rules are methods, not fields: surefire's -Dtest filter selects test methods only.

  @ArchTest
  static void packages_use_only_the_packages_they_are_allowed_to(JavaClasses classes) {
    layering().check(classes);
  }

  @ArchTest
  static void feature_packages_have_no_cycles(JavaClasses classes) {
    slices().matching("org.plenary.(*)..").should().beFreeOfCycles().check(classes);
  }

  @ArchTest
  static void platform_imports_no_feature(JavaClasses classes) {
    PLATFORM_IMPORTS_NO_FEATURE.check(classes);
  }

  private static final ArchRule PLATFORM_IMPORTS_NO_FEATURE =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "platform..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              USES.keySet().stream()
                  .filter(p -> !p.equals("platform"))
                  .map(p -> ROOT + p + "..")
                  .toArray(String[]::new));

  /** A new package must be placed in the layering before it can be used. */
  @ArchTest
  static void every_package_has_a_place_in_the_layering(JavaClasses classes) {
    Set<String> packages =
        classes.stream()
            .map(JavaClass::getPackageName)
            .filter(p -> p.startsWith(ROOT))
            .map(p -> p.substring(ROOT.length()).split("\\.")[0])
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(USES.keySet()), packages);
  }

  private static LayeredArchitecture layering() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String feature : USES.keySet()) {
      layers = layers.layer(feature).definedBy(ROOT + feature + "..");
    }
    for (Map.Entry<String, Set<String>> e : USES.entrySet()) {
      layers =
          e.getValue().isEmpty()
              ? layers.whereLayer(e.getKey()).mayNotAccessAnyLayer()
              : layers
                  .whereLayer(e.getKey())
                  .mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
    }
    return layers;
  }
}
