/* Loads: a target weight turned into one you can put together in the gym: a barbell and
   its plates per side, one kettlebell or a pair, or plain 2.5 kg / 5 lb steps. Pure
   arithmetic, no DOM; weights are numbers in the unit asked for ("kg" or "lb"); units.js
   converts. */

import { number } from "./units.js";

export const STEP = { kg: 2.5, lb: 5 };
// The bar setting is named by its kg size; in lb the usual bars are 45 and 35.
export const BARS = { kg: { 20: 20, 15: 15 }, lb: { 20: 45, 15: 35 } };
export const PLATES = { kg: [25, 20, 15, 10, 5, 2.5, 1.25], lb: [45, 35, 25, 10, 5, 2.5] };
export const BELLS = {
  kg: [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 48],
  lb: [10, 15, 20, 25, 30, 35, 40, 45, 50, 53, 55, 60, 62, 70, 80, 88, 97, 106],
};



// The nearest multiple of `step` (halves round up, as Math.round does).
export const roundToStep = (x, step) => Math.round(x / step) * step;

// The closest value of an ascending list; on a tie the lighter one.
export const nearest = (list, x) => list.reduce((best, v) => (Math.abs(v - x) < Math.abs(best - x) ? v : best));

// Plates for one side of a bar loaded to `total`, heaviest first (greedy, which is exact
// for these plate sets); what cannot be made up with the smallest plate is left off.
export function platesPerSide(total, bar, plates) {
  let side = (total - bar) / 2;
  const result = [];
  for (const plate of plates) {
    while (side >= plate - 1e-9) {
      result.push(plate);
      side -= plate;
    }
  }
  return result;
}

// `kind` is the card's `loading` (render.log_card): barbell, kettlebell, kettlebell-pair or steps. A load
// past the heaviest bell is made of two bells.
const isPair = (kind, x, unit) => kind === "kettlebell-pair" || (kind === "kettlebell" && x > BELLS[unit][BELLS[unit].length - 1]);

// The nearest weight that can be loaded (in `unit`): the bar at least, a bell or a pair, a step.
export function loadable(kind, x, unit, barSetting) {
  if (kind === "barbell") return Math.max(BARS[unit][barSetting], roundToStep(x, STEP[unit]));
  if (isPair(kind, x, unit)) return 2 * nearest(BELLS[unit], x / 2);
  if (kind === "kettlebell") return nearest(BELLS[unit], x);
  return Math.max(0, roundToStep(x, STEP[unit]));
}

// One real step up (dir 1) or down (-1) from a loadable weight: the next bell (or pair of
// bells), or 2.5 kg / 5 lb, never below the bar or zero.
export function stepped(kind, x, dir, unit, barSetting) {
  const bells = BELLS[unit];
  const pair = isPair(kind, x, unit);
  if (kind === "kettlebell" || pair) {
    const i = bells.indexOf(nearest(bells, pair ? x / 2 : x));
    return (pair ? 2 : 1) * bells[Math.min(bells.length - 1, Math.max(0, i + dir))];
  }
  return Math.max(kind === "barbell" ? BARS[unit][barSetting] : 0, x + dir * STEP[unit]);
}

// A ramp's warm-up sets ([%1RM, reps], 0 for the empty bar) as weights from a 1RM (`max`, in
// `unit`): "bar × 8, 25 kg × 5 (2.5 per side), 35 kg × 3 (7.5 per side)"; "two 12 kg bells × 5".
export function rampText(kind, max, ramp, unit, barSetting) {
  return ramp.map(([percent, reps]) => {
    if (!percent) return `bar × ${reps}`;
    const total = loadable(kind, (max * percent) / 100, unit, barSetting);
    if (isPair(kind, total, unit)) return `two ${total / 2} ${unit} bells × ${reps}`;
    const plates = kind === "barbell" ? platesPerSide(total, BARS[unit][barSetting], PLATES[unit]).map(number) : [];
    // No template literal nested in another: the minifier (rjsmin) would squeeze its spaces.
    return `${number(total)} ${unit} × ${reps}` + (plates.length ? " (" + plates.join(" + ") + " per side)" : "");
  }).join(", ");
}

// A target weight as what to put together: "100 kg = 20 kg bar + 25 + 15 kg per side".
export function loadText(kind, target, unit, barSetting) {
  const u = " " + unit;
  const total = loadable(kind, target, unit, barSetting);
  if (kind === "barbell") {
    const bar = BARS[unit][barSetting];
    const plates = platesPerSide(total, bar, PLATES[unit]).map(number);
    if (!plates.length) return `${number(total)}${u}: the empty bar`;
    return `${number(total)}${u} = ${bar}${u} bar + ${plates.join(" + ")}${u} per side`;
  }
  if (isPair(kind, target, unit)) return `two ${total / 2}${u} bells (${total}${u})`;
  if (kind === "kettlebell") return `one ${total}${u} bell`;
  return number(total) + u;
}
