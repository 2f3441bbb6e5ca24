package cn.yongkang.campaign;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package structure of DESIGN.md: packages by feature, stages that talk through
 * tables, and one place (pipeline) that knows the order of the stages.
 */
class ModuleStructureTests {

	private static final String BASE = "cn.yongkang.campaign";

	private static final String[] STAGES = { "ingest", "validate", "dedupe", "statistics", "ranking", "report" };

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	@Test
	void modulesHaveNoCycles() {
		SlicesRuleDefinition.slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void stagesDoNotCallEachOtherExceptForTheHazardIdentity() {
		for (String stage : STAGES) {
			for (String other : STAGES) {
				if (stage.equals(other) || (stage.equals("validate") && other.equals("dedupe"))) {
					continue;
				}
				noClasses().that()
					.resideInAPackage(BASE + "." + stage + "..")
					.should()
					.dependOnClassesThat()
					.resideInAPackage(BASE + "." + other + "..")
					.because("stages talk through tables, not through Java calls")
					.check(this.classes);
			}
		}
		classes().that()
			.resideInAPackage(BASE + ".dedupe..")
			.and()
			.areNotAssignableTo(BASE + ".dedupe.HazardKey")
			.should()
			.onlyHaveDependentClassesThat()
			.resideInAnyPackage(BASE + ".dedupe..", BASE + ".pipeline..")
			.check(this.classes);
	}

	@Test
	void onlyThePipelineAndTheConsoleKnowTheStages() {
		noClasses().that()
			.resideInAnyPackage(BASE + ".registry..", BASE + ".campaign..", BASE + ".support..", BASE + ".bulk..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".ingest..", BASE + ".validate..", BASE + ".dedupe..", BASE + ".statistics..",
					BASE + ".ranking..", BASE + ".report..", BASE + ".pipeline..", BASE + ".operator..",
					BASE + ".schedule..")
			.check(this.classes);
	}

	@Test
	void theSupportPackageStaysTiny() {
		classes().that()
			.resideInAPackage(BASE + ".support..")
			.should()
			.haveSimpleNameNotContaining("Util")
			.check(this.classes);
		org.assertj.core.api.Assertions
			.assertThat(this.classes.stream().filter((c) -> c.getPackageName().equals(BASE + ".support")).count())
			.isLessThanOrEqualTo(4);
	}

}
