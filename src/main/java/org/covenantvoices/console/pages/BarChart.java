package org.covenantvoices.console.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart laid out on the server, for an SVG with no script and no style attributes (the
 * Content-Security-Policy allows neither). Each row has one bar per series, labelled with its number.
 *
 * @param id unique on the page, for the SVG's title and description ids
 * @param description a sentence or two saying what the chart shows and where its numbers are
 */
public record BarChart(String id, String title, String description, List<Series> legend, List<Label> labels,
		List<Bar> bars, int height) {

	private static final int WIDTH = 760;

	private static final int LABEL_WIDTH = 290;

	private static final int VALUE_SPACE = 70;

	private static final int BAR_HEIGHT = 22;

	private static final int ROW_GAP = 14;

	public String viewBox() {
		return "0 0 " + WIDTH + " " + height;
	}

	/** @param key the CSS modifier that colours the series */
	public record Series(String key, String label) {
	}

	/** @param values one per series, in the legend's order */
	public record Row(String label, List<Long> values, List<String> valueTexts) {

		public static Row of(String label, Labels labels, long... values) {
			List<Long> all = new ArrayList<>();
			List<String> texts = new ArrayList<>();
			for (long value : values) {
				all.add(value);
				texts.add(labels.number(value));
			}
			return new Row(label, all, texts);
		}
	}

	public record Label(String text, String x, String y) {
	}

	public record Bar(String series, String x, String y, String width, String height, String value, String valueX,
			String valueY) {
	}

	public static BarChart of(String id, String title, String description, List<Series> legend, List<Row> rows) {
		long max = rows.stream().flatMap(r -> r.values().stream()).mapToLong(Long::longValue).max().orElse(0);
		double scale = max == 0 ? 0 : (double) (WIDTH - LABEL_WIDTH - VALUE_SPACE) / max;
		List<Label> labels = new ArrayList<>();
		List<Bar> bars = new ArrayList<>();
		int y = ROW_GAP / 2;
		for (Row row : rows) {
			int rowHeight = BAR_HEIGHT * row.values().size();
			labels.add(new Label(row.label(), n(LABEL_WIDTH - 10), n(y + rowHeight / 2.0 + 5)));
			for (int i = 0; i < row.values().size(); i++) {
				long value = row.values().get(i);
				// A zero still shows a sliver, so the row does not look like missing data.
				double width = Math.max(value == 0 ? 1 : 2, value * scale);
				int top = y + i * BAR_HEIGHT;
				bars.add(new Bar(legend.get(i).key(), n(LABEL_WIDTH), n(top + 2), n(width), n(BAR_HEIGHT - 4),
						row.valueTexts().get(i), n(LABEL_WIDTH + width + 6), n(top + BAR_HEIGHT / 2.0 + 5)));
			}
			y += rowHeight + ROW_GAP;
		}
		return new BarChart(id, title, description, legend, labels, bars, Math.max(y, 40));
	}

	private static String n(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}
}
