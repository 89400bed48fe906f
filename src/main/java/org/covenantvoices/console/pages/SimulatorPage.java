package org.covenantvoices.console.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.covenantvoices.channel.Simulator;
import org.covenantvoices.channel.SimulatorExchange;
import org.covenantvoices.conversation.Reply;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A pretend phone that talks to the real engine and the real record. Without JavaScript it is a form that posts and
 * comes back with the thread drawn on the server; with JavaScript the same form is sent in the background (asking
 * for JSON) and the replies are added in place. Either way the thread is kept in the console session.
 */
@Controller
class SimulatorPage {

	private final Simulator simulator;

	SimulatorPage(Simulator simulator) {
		this.simulator = simulator;
	}

	@GetMapping("/simulator")
	String page(HttpSession session, Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", new FormErrors());
		}
		model.addAttribute("thread", thread(session));
		model.addAttribute("enabled", simulator.enabled());
		model.addAttribute("maxLength", Simulator.MAX_TEXT);
		model.addAttribute("pageScript", "/assets/console/simulator.mjs");
		return "console/simulator";
	}

	@PostMapping("/simulator")
	String send(@RequestParam(name = "message", required = false) String message, HttpSession session,
			RedirectAttributes redirect) {
		FormErrors errors = check(message);
		if (errors.any()) {
			redirect.addFlashAttribute("errors", errors);
			redirect.addFlashAttribute("message", message == null ? "" : message);
			return "redirect:/simulator#message";
		}
		exchange(thread(session), message, session);
		return "redirect:/simulator#message";
	}

	/** The same, for the page's script (which says so in a header): the new bubbles as JSON. */
	@PostMapping(path = "/simulator", headers = "X-Requested-With=simulator", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> sendInBackground(@RequestParam(name = "message", required = false) String message,
			HttpSession session) {
		FormErrors errors = check(message);
		if (errors.any()) {
			return ResponseEntity.badRequest().body(Map.of("error", errors.get("message")));
		}
		List<SimulatorThread.Bubble> added = exchange(thread(session), message, session);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("bubbles", added);
		return ResponseEntity.ok(body);
	}

	@PostMapping("/simulator/new")
	String startAgain(HttpSession session) {
		session.setAttribute(SimulatorThread.SESSION_ATTRIBUTE, SimulatorThread.withNewNumber());
		return "redirect:/simulator";
	}

	private FormErrors check(String message) {
		FormErrors errors = new FormErrors();
		if (!simulator.enabled()) {
			errors.add("message", "The simulator is switched off here");
		}
		else if (message == null || message.isBlank()) {
			errors.add("message", "Enter a message to send");
		}
		else if (message.codePointCount(0, message.length()) > Simulator.MAX_TEXT) {
			errors.add("message", "Message must be " + Simulator.MAX_TEXT + " characters or fewer");
		}
		return errors;
	}

	private List<SimulatorThread.Bubble> exchange(SimulatorThread thread, String message, HttpSession session) {
		List<SimulatorThread.Bubble> added = new ArrayList<>();
		added.add(new SimulatorThread.Bubble(SimulatorThread.Bubble.PERSON, message, null));
		SimulatorExchange exchange = simulator.send(thread.number(), message, null);
		if (exchange.outcome() == SimulatorExchange.Outcome.ANSWERED) {
			for (Reply reply : exchange.replies()) {
				added.add(new SimulatorThread.Bubble(SimulatorThread.Bubble.BOT, reply.text(), exchange.language()));
			}
			if (exchange.replies().isEmpty()) {
				added.add(new SimulatorThread.Bubble(SimulatorThread.Bubble.NOTE,
						"No reply: the service sends nothing to this message.", null));
			}
		}
		else {
			added.add(new SimulatorThread.Bubble(SimulatorThread.Bubble.NOTE, exchange.reason(), null));
		}
		added.forEach(thread::add);
		// Set again, so the session store writes the changed thread.
		session.setAttribute(SimulatorThread.SESSION_ATTRIBUTE, thread);
		return added;
	}

	private static SimulatorThread thread(HttpSession session) {
		SimulatorThread thread = (SimulatorThread) session.getAttribute(SimulatorThread.SESSION_ATTRIBUTE);
		if (thread == null) {
			thread = SimulatorThread.withNewNumber();
			session.setAttribute(SimulatorThread.SESSION_ATTRIBUTE, thread);
		}
		return thread;
	}
}
