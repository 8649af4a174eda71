/* Your block in storage: the plan under "lh-block", next to the log (and in its export). A
   stored plan that cannot be read is never overwritten silently: it is kept aside under
   "lh-block-unreadable" and the page says so. Also the page's data island (the program's
   shape, render.block_data) and the site root its paths are relative to. */

import { $ } from "./dom.js";
import { load, loadRaw, save } from "./storage.js";
import { readPlan } from "./block.js";

export const PLAN_KEY = "block";

// The stored plan: {plan} (null when there is none) and whether a new one may be written.
// Text that is not a plan (damaged, or a newer version's) is moved aside first; if even that
// fails, nothing is written (`writable` false), so it is never lost.
export function storedPlan() {
  const raw = loadRaw(PLAN_KEY);
  if (raw === null || raw === undefined) return { plan: null, writable: raw === null };
  let doc = null;
  try {
    doc = JSON.parse(raw);
  } catch (error) { /* kept aside below */ }
  const plan = readPlan(doc);
  if (plan) return { plan, writable: true };
  const writable = load("block-unreadable", null) === raw || save("block-unreadable", raw);
  return { plan: null, writable, unreadable: true };
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
