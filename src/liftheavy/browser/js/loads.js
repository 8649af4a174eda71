/* Loads: a target weight turned into one you can put together in the gym: a barbell and
   its plates per side, one kettlebell or a pair, or plain 2.5 kg / 5 lb steps. Pure
   arithmetic, no DOM; weights are numbers in the unit asked for ("kg" or "lb"). */

export const KG_PER_LB = 0.45359237;
export const STEP = { kg: 2.5, lb: 5 };
// The bar setting is named by its kg size; in lb the usual bars are 45 and 35.
export const BARS = { kg: { 20: 20, 15: 15 }, lb: { 20: 45, 15: 35 } };
export const PLATES = { kg: [25, 20, 15, 10, 5, 2.5, 1.25], lb: [45, 35, 25, 10, 5, 2.5] };
export const BELLS = {
  kg: [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 48],
  lb: [10, 15, 20, 25, 30, 35, 40, 45, 50, 53, 55, 60, 62, 70, 80, 88, 97, 106],
};

// At most two decimals, no trailing zeros: 1.25, 2.5, 20.
export const number = (x) => String(+x.toFixed(2));

// kg are how loads are kept; these show them in the chosen unit and read them back.
export const inUnit = (kg, unit) => (unit === "kg" ? kg : kg / KG_PER_LB);
export const toKg = (value, unit) => (unit === "kg" ? value : value * KG_PER_LB);

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

// `kind` is the card's data-lh-loading: barbell, kettlebell, kettlebell-pair or steps.
export function loadText(kind, target, unit, barSetting) {
  const u = " " + unit;
  const bells = BELLS[unit];
  if (kind === "barbell") {
    const bar = BARS[unit][barSetting];
    const total = Math.max(bar, roundToStep(target, STEP[unit]));
    const plates = platesPerSide(total, bar, PLATES[unit]).map(number);
    if (!plates.length) return `${number(total)}${u}: the empty bar`;
    return `${number(total)}${u} = ${bar}${u} bar + ${plates.join(" + ")}${u} per side`;
  }
  if (kind === "kettlebell-pair" || (kind === "kettlebell" && target > bells[bells.length - 1])) {
    const bell = nearest(bells, target / 2);
    return `two ${bell}${u} bells (${bell * 2}${u})`;
  }
  if (kind === "kettlebell") return `one ${nearest(bells, target)}${u} bell`;
  return number(roundToStep(target, STEP[unit])) + u;
}
