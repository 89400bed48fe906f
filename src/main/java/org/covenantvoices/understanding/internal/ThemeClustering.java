package org.covenantvoices.understanding.internal;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Spherical k-means with k-means++ seeding on unit-length embeddings, then ThemeFinder's theme-set rules. Everything
 * is deterministic: a fixed seed, points in the caller's order, ties to the lower index, and each point's nearest
 * centre found independently (so the parallel step cannot change the result).
 */
final class ThemeClustering {

	static final long SEED = 20260101L;

	static final int MAX_THEMES = 70;

	private static final int MAX_ITERATIONS = 20;

	private ThemeClustering() {
	}

	/** The fewest answers a theme may have: max(5, 0.1% of answers). */
	static int minThemeSize(int answers) {
		return Math.max(5, (int) Math.ceil(answers * 0.001));
	}

	/** The number of clusters to start from: about sqrt(n / 2), at most 70, and no more than n / min size. */
	static int startingK(int answers) {
		int k = (int) Math.round(Math.sqrt(answers / 2.0));
		return Math.max(1, Math.min(Math.min(MAX_THEMES, k), answers / minThemeSize(answers)));
	}

	/**
	 * @param points unit-length vectors, in a stable order
	 * @return per point, its cluster (0..k-1, dense, in order of first appearance), or -1 for every point where there
	 * are fewer answers than one theme needs
	 */
	static int[] cluster(float[][] points) {
		int n = points.length;
		int[] none = new int[n];
		Arrays.fill(none, -1);
		if (n == 0 || n < minThemeSize(n)) {
			return none;
		}
		int k = startingK(n);
		float[][] centres = seed(points, k, new Random(SEED));
		int[] assigned = new int[n];
		Arrays.fill(assigned, -1);
		boolean[] active = new boolean[k];
		Arrays.fill(active, true);
		for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
			int[] next = nearest(points, centres, active);
			boolean changed = !Arrays.equals(next, assigned);
			assigned = next;
			centres = centres(points, assigned, k, centres);
			if (!changed) {
				break;
			}
		}
		enforceMinimumSize(points, assigned, centres, active, minThemeSize(n));
		return dense(assigned);
	}

	/** k-means++: each next centre drawn with probability proportional to its squared distance from the nearest. */
	private static float[][] seed(float[][] points, int k, Random random) {
		int n = points.length;
		float[][] centres = new float[k][];
		centres[0] = points[random.nextInt(n)].clone();
		double[] distance = new double[n];
		Arrays.fill(distance, Double.MAX_VALUE);
		for (int c = 1; c < k; c++) {
			float[] last = centres[c - 1];
			double total = 0;
			for (int i = 0; i < n; i++) {
				// |a - b|^2 = 2 - 2 cos for unit vectors
				double d = Math.max(0, 2 - 2 * dot(points[i], last));
				if (d < distance[i]) {
					distance[i] = d;
				}
				total += distance[i];
			}
			int chosen;
			if (total <= 0) {
				chosen = random.nextInt(n); // every point sits on a centre already: duplicates only
			}
			else {
				double target = random.nextDouble() * total;
				chosen = n - 1;
				double running = 0;
				for (int i = 0; i < n; i++) {
					running += distance[i];
					if (running >= target) {
						chosen = i;
						break;
					}
				}
			}
			centres[c] = points[chosen].clone();
		}
		return centres;
	}

	private static int[] nearest(float[][] points, float[][] centres, boolean[] active) {
		return IntStream.range(0, points.length).parallel().map(i -> nearest(points[i], centres, active)).toArray();
	}

	static int nearest(float[] point, float[][] centres, boolean[] active) {
		int best = -1;
		double bestSimilarity = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < centres.length; c++) {
			if (!active[c]) {
				continue;
			}
			double similarity = dot(point, centres[c]);
			if (similarity > bestSimilarity) {
				bestSimilarity = similarity;
				best = c;
			}
		}
		return best;
	}

	/** Mean of each cluster's points, back on the unit sphere; an empty cluster keeps its old centre. */
	private static float[][] centres(float[][] points, int[] assigned, int k, float[][] previous) {
		int dimensions = points[0].length;
		double[][] sums = new double[k][dimensions];
		int[] sizes = new int[k];
		for (int i = 0; i < points.length; i++) {
			int c = assigned[i];
			if (c < 0) {
				continue;
			}
			sizes[c]++;
			for (int d = 0; d < dimensions; d++) {
				sums[c][d] += points[i][d];
			}
		}
		float[][] centres = new float[k][];
		for (int c = 0; c < k; c++) {
			centres[c] = sizes[c] == 0 ? previous[c] : unit(sums[c]);
		}
		return centres;
	}

	/**
	 * ThemeFinder's rule: every theme has at least the minimum size. The smallest cluster under it is dissolved and
	 * its answers join their nearest remaining cluster, one cluster at a time, until none is too small.
	 */
	private static void enforceMinimumSize(float[][] points, int[] assigned, float[][] centres, boolean[] active,
			int minimum) {
		int k = centres.length;
		while (true) {
			int[] sizes = new int[k];
			for (int c : assigned) {
				sizes[c]++;
			}
			int smallest = -1;
			int activeCount = 0;
			for (int c = 0; c < k; c++) {
				if (!active[c]) {
					continue;
				}
				activeCount++;
				if (sizes[c] < minimum && (smallest < 0 || sizes[c] < sizes[smallest])) {
					smallest = c;
				}
			}
			if (smallest < 0 || activeCount <= 1) {
				return;
			}
			active[smallest] = false;
			boolean[] receivers = new boolean[k];
			for (int i = 0; i < points.length; i++) {
				if (assigned[i] == smallest) {
					assigned[i] = nearest(points[i], centres, active);
					receivers[assigned[i]] = true;
				}
			}
			float[][] updated = centres(points, assigned, k, centres);
			for (int c = 0; c < k; c++) {
				if (receivers[c]) {
					centres[c] = updated[c];
				}
			}
		}
	}

	private static int[] dense(int[] assigned) {
		int[] renumbered = new int[assigned.length];
		int[] map = new int[assigned.length + 1];
		Arrays.fill(map, -1);
		int next = 0;
		for (int i = 0; i < assigned.length; i++) {
			int c = assigned[i];
			if (map[c] < 0) {
				map[c] = next++;
			}
			renumbered[i] = map[c];
		}
		return renumbered;
	}

	/** Four running sums, always added in the same order: several times faster, and still the same every time. */
	static double dot(float[] a, float[] b) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int n = a.length;
		int i = 0;
		for (; i + 3 < n; i += 4) {
			s0 += a[i] * b[i];
			s1 += a[i + 1] * b[i + 1];
			s2 += a[i + 2] * b[i + 2];
			s3 += a[i + 3] * b[i + 3];
		}
		for (; i < n; i++) {
			s0 += a[i] * b[i];
		}
		return (double) s0 + s1 + s2 + s3;
	}

	static float[] unit(double[] v) {
		double norm = 0;
		for (double x : v) {
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
		}
		return out;
	}

	static float[] unit(float[] v) {
		double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) {
			d[i] = v[i];
		}
		return unit(d);
	}
}
