package org.covenantvoices.console.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages for everyone, linked from the footer. */
@Controller
class InformationPages {

	@GetMapping("/accessibility")
	String accessibility() {
		return "console/accessibility";
	}

	@GetMapping("/cookies")
	String cookies() {
		return "console/cookies";
	}
}
