/* Units, bar and your typed 1RM per main lift (kept in kg, shown in the chosen unit): the
   settings the cards' loads are worked out with (logcard.js shows them; loads.js does the
   arithmetic). A typed 1RM overrides the estimate from your own logged sets. */

import { $, $$, on } from "./dom.js";
import { load, save } from "./storage.js";
import { inUnit, toKg } from "./units.js";

// `changed()` runs after any setting changes; the returned getters read the settings.
export function calculator(gym, changed) {
  const bar = $("[data-lh-bar]", gym);
  const oneRepMax = load("1rm", {});
  let unit = load("unit", "kg");
  const showUnit = () => {
    $$('[name="lh-unit"]', gym).forEach((radio) => { radio.checked = radio.value === unit; });
    $$("[data-lh-unit]", gym).forEach((el) => { el.textContent = unit; });
    $$("[data-lh-max]", gym).forEach((input) => {
      const kg = oneRepMax[input.dataset.lhMax];
      input.value = kg ? String(+inUnit(kg, unit).toFixed(1)) : "";
    });
  };
  $$('[name="lh-unit"]', gym).forEach((radio) => on(radio, "change", () => {
    unit = radio.value;
    save("unit", unit);
    showUnit();
    changed();
  }));
  if (bar) {
    bar.value = load("bar", "20");
    on(bar, "change", () => { save("bar", bar.value); changed(); });
  }
  $$("[data-lh-max]", gym).forEach((input) => on(input, "input", () => {
    const value = parseFloat(input.value);
    if (value > 0) oneRepMax[input.dataset.lhMax] = toKg(value, unit);
    else delete oneRepMax[input.dataset.lhMax];
    save("1rm", oneRepMax);
    changed();
  }));
  showUnit();
  return { unit: () => unit, bar: () => (bar ? bar.value : "20"), typed: (id) => oneRepMax[id] || 0 };
}
