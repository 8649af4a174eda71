/* Units, bar and your 1RM per main lift (kept in kg, shown in the chosen unit), turned
   into a load you can put together on each %1RM card (loads.js does the arithmetic). */

import { $, $$, on } from "./dom.js";
import { load, save } from "./storage.js";
import { inUnit, loadText, toKg } from "./loads.js";

export function calculator(gym) {
  const bar = $("[data-lh-bar]", gym);
  const oneRepMax = load("1rm", {});
  let unit = load("unit", "kg");
  const showLoads = () => {
    $$("[data-lh-percent]").forEach((card) => {
      const kg = oneRepMax[card.dataset.lhLift];
      const calc = $("[data-lh-calc]", card);
      calc.hidden = !kg;
      if (kg) {
        const target = (inUnit(kg, unit) * card.dataset.lhPercent) / 100;
        calc.textContent = "Your load: " + loadText(card.dataset.lhLoading, target, unit, bar.value);
      }
    });
  };
  const showUnit = () => {
    $$('[name="lh-unit"]', gym).forEach((radio) => { radio.checked = radio.value === unit; });
    $$("[data-lh-unit]", gym).forEach((el) => { el.textContent = unit; });
    $$("[data-lh-max]", gym).forEach((input) => {
      const kg = oneRepMax[input.dataset.lhMax];
      input.value = kg ? String(+inUnit(kg, unit).toFixed(1)) : "";
    });
    showLoads();
  };
  $$('[name="lh-unit"]', gym).forEach((radio) => on(radio, "change", () => {
    unit = radio.value;
    save("unit", unit);
    showUnit();
  }));
  if (bar) {
    bar.value = load("bar", "20");
    on(bar, "change", () => { save("bar", bar.value); showLoads(); });
  }
  $$("[data-lh-max]", gym).forEach((input) => on(input, "input", () => {
    const value = parseFloat(input.value);
    if (value > 0) oneRepMax[input.dataset.lhMax] = toKg(value, unit);
    else delete oneRepMax[input.dataset.lhMax];
    save("1rm", oneRepMax);
    showLoads();
  }));
  showUnit();
}
