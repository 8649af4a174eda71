/* Set check-offs: one stored list of ticked sets per week and session, under each box's
   data-lh-tick (the card's data-lh-key, a hash of the prescription, plus the set number),
   so changed program data never inherits old ticks. */

import { $, $$, on } from "./dom.js";
import { load, save } from "./storage.js";

export const ticksKey = (week, session) => `ticks-${week}-${session}`;
// The ticks a stored value gives: a list of names, or nothing usable.
export const tickedSet = (stored) => new Set(Array.isArray(stored) ? stored : []);

// `onTick(box)` runs after a box is ticked or unticked and saved.
export function checkOffs(week, say, onTick) {
  const sessionOf = (el) => el.closest("[data-lh-session]").dataset.lhSession;
  const ticked = {};
  $$("[data-lh-tick]").forEach((box) => {
    const session = sessionOf(box);
    ticked[session] = ticked[session] || tickedSet(load(ticksKey(week, session), []));
    box.checked = ticked[session].has(box.dataset.lhTick);
  });
  $$("[data-lh-tick]").forEach((box) => on(box, "change", () => {
    const session = sessionOf(box);
    const boxes = $$(`[data-lh-session="${session}"] [data-lh-tick]:checked`);
    save(ticksKey(week, session), boxes.map((b) => b.dataset.lhTick));
    onTick(box);
  }));
  $$("[data-lh-reset]").forEach((button) => on(button, "click", () => {
    const session = button.dataset.lhReset;
    $$(`[data-lh-session="${session}"] [data-lh-tick]`).forEach((box) => { box.checked = false; });
    save(ticksKey(week, session), []);
    say("Ticks cleared");
  }));
}

// The card a box or button belongs to, and its rest button if it has one.
export const restOf = (el) => $("[data-lh-rest]", el.closest(".lh-card"));
