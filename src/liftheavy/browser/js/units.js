/* Units: loads are kept in kg and shown in the runner's unit (kg or lb). Pure, no DOM; the
   cards, the log page and the files all convert through here. */

export const KG_PER_LB = 0.45359237;

// At most two decimals, no trailing zeros: 1.25, 2.5, 20.
export const number = (x) => String(+x.toFixed(2));

// kg are how loads are kept; these show them in the chosen unit and read them back.
export const inUnit = (kg, unit) => (unit === "kg" ? kg : kg / KG_PER_LB);
export const toKg = (value, unit) => (unit === "kg" ? value : value * KG_PER_LB);
