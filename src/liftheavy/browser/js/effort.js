/* The 1RM a logged set implies. Where it sits: used by the cards (a %1RM load from your own
   sets) and the log page (best estimate, records). `chart` is the %1RM for 1…12 reps to
   failure from src/liftheavy/data/effort.py, shipped in the page's data-lh-rules, so the
   browser and the loader use one chart: Tuchscherer's RTS chart, on the reps-in-reserve
   scale of Zourdos et al. 2016 (doi:10.1519/JSC.0000000000001049). Past the chart, Epley's
   1RM = w × (1 + n/30), scaled to meet the chart at its last row, as effort.py does. */

export function percentForReps(n, chart) {
  if (n <= chart.length) return chart[n - 1];
  return (chart[chart.length - 1] * (1 + chart.length / 30)) / (1 + n / 30);
}

// null without a weight or a rep; an effort not given counts as 0 in reserve (the lower estimate).
export function estimateOneRepMax(kg, reps, rir, chart) {
  if (!(kg > 0) || !(reps >= 1)) return null;
  return (kg * 100) / percentForReps(reps + (rir > 0 ? rir : 0), chart);
}
