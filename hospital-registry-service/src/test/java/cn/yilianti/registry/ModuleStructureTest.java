package cn.yilianti.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The registry is packaged by feature; features do not depend on each other in a circle. */
class ModuleStructureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.yilianti.registry");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("cn.yilianti.registry.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void sharedPackagesDoNotDependOnFeatures() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.yilianti.registry.web..", "cn.yilianti.registry.security..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.yilianti.registry.hospital..",
            "cn.yilianti.registry.alliance..",
            "cn.yilianti.registry.identity..",
            "cn.yilianti.registry.importing..",
            "cn.yilianti.registry.routing..",
            "cn.yilianti.registry.seed..")
        .check(classes);
  }

  @Test
  void nothingDependsOnTheSeed() {
    noClasses()
        .that()
        .resideOutsideOfPackage("cn.yilianti.registry.seed..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("cn.yilianti.registry.seed..")
        .check(classes);
  }
}
