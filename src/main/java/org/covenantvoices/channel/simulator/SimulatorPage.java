package org.covenantvoices.channel.simulator;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A phone-like page that talks to the simulator API. */
@Controller
class SimulatorPage {

	@GetMapping("/simulator")
	String page() {
		return "forward:/simulator.html";
	}
}
