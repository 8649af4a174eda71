/* Your block in storage: the plan under "lh-block", next to the log (and in its export). A
   stored plan that cannot be read is never overwritten silently: it is kept aside under
   "lh-block-unreadable" and the page says so. Also the page's data island (the program's
   shape, render.block_data) and the site root its paths are relative to. */

import { $ } from "./dom.js";
import { load, save } from "./storage.js";
import { readPlan } from "./block.js";

export const PLAN_KEY = "block";

// The stored plan: {plan} (null when there is none), with `unreadable` if one was kept aside.
export function storedPlan() {
  const stored = load(PLAN_KEY, null);
  if (stored === null) return { plan: null };
  const plan = readPlan(stored);
  if (plan) return { plan };
  save("block-unreadable", stored);
  return { plan: null, unreadable: true };
}

export const siteRoot = () => {
  const manifest = $('link[rel="manifest"]');
  return new URL("./", manifest ? manifest.href : location.href).href;
};
export const readData = () => {
  const island = $("[data-lh-block-data]");
  try {
    return island ? JSON.parse(island.dataset.lhBlockData) : null;
  } catch (error) {
    return null;
  }
};
