package cn.yilianti.referral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The referral features are packages without cycles; authorisation and patient protection are
 * leaves every feature may use, and the feed and the deadline sweep reach referrals only through
 * the table or an interface of their own.
 */
class ReferralModuleStructureTest {

  private static final String BASE = "cn.yilianti.referral.";

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              BASE + "referral",
              BASE + "access",
              BASE + "protection",
              BASE + "deadline",
              BASE + "feed",
              BASE + "docs");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("cn.yilianti.referral.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void accessAndProtectionDependOnNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(BASE + "access..", BASE + "protection..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BASE + "referral..", BASE + "deadline..", BASE + "feed..")
        .check(classes);
  }

  @Test
  void feedAndDeadlinesDoNotReachIntoTheReferralPackage() {
    noClasses()
        .that()
        .resideInAnyPackage(BASE + "feed..", BASE + "deadline..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + "referral..")
        .check(classes);
  }
}
