package org.covenantvoices.record;

/**
 * Contributions that carry a label in force: a principle, a theme, a sentiment. Labels a person removed do not count.
 *
 * @param kind principle, theme, sentiment or evidence
 * @param value the label's value, exactly as stored
 */
public record LabelFilter(String kind, String value) {
}
