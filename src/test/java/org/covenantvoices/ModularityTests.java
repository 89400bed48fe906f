package org.covenantvoices;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules talk to each other only through the types at their root; this fails the build otherwise. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CovenantVoicesApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void documentTheModules() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
