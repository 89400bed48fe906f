package org.covenantvoices.resilience;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Runs every property of a class with one seed, so that CI generates the same inputs each time and a failure can be
 * replayed: {@code -Dcovenant.fuzz.seed=N} for another seed, {@code -Dcovenant.fuzz.seed=random} for a new one each
 * run (jqwik prints the seed it used).
 */
final class FixedSeed implements AroundPropertyHook {

	static final String DEFAULT = "20261129";

	/** Added to a class, it reaches the class's properties (jqwik's default would stop at the class). */
	@Override
	public PropagationMode propagateTo() {
		return PropagationMode.ALL_DESCENDANTS;
	}

	@Override
	public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
		String seed = System.getProperty("covenant.fuzz.seed", DEFAULT).strip();
		// A property's own @Property(seed = ...) wins; jqwik reads an unset one as "".
		if (!seed.equalsIgnoreCase("random") && context.attributes().seed().filter(s -> !s.isBlank()).isEmpty()) {
			context.attributes().setSeed(seed);
		}
		return property.execute();
	}
}
