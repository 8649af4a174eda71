/* The program's one progression rule, applied to the sets of one card as logged: the same
   decision as src/liftheavy/data/progression.py (tests/fixtures/progression-cases.json holds
   the cases both must pass). `rule` {add_margin, drop_margin, step_percent} comes from
   program.yaml through the page's data-lh-rules; `card` is {low, high, rir, sets}; each
   logged set is {reps, rir}; no sets, no decision (null) (an effort not logged counts as the card's: "as prescribed").
   Margins of 2 reps: lifters misjudge reserve by about one rep (Hackett et al. 2017,
   doi:10.1519/JSC.0000000000001683). */

export function decide(rule, card, logged) {
  if (!logged.length) return null;
  const last = logged[logged.length - 1];
  const rir = (set) => (set.rir === null || set.rir === undefined ? card.rir : set.rir);
  if (logged.some((set) => set.reps < card.low) || rir(last) <= card.rir - rule.drop_margin) return "drop";
  const complete = logged.length >= card.sets && logged.every((set) => set.reps >= card.high);
  return complete && rir(last) >= card.rir + rule.add_margin ? "add" : "hold";
}

// The 1RM (or working weight) the next load is worked out from, after `decision`.
export const nextWorkingMax = (rule, max, decision) =>
  max * (1 + ({ add: 1, hold: 0, drop: -1 }[decision] * rule.step_percent) / 100);
