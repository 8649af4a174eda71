/* A week page's part of Your block: "Today's session" on today's session, if it is on this
   page. Week pages load only this (not blockpage.js, the overview's form and calendar), so
   the gym script stays small; the dates are block.js's, the plan is blockstore.js's. */

import { $ } from "./dom.js";
import { readData, storedPlan } from "./blockstore.js";
import { localDay, schedule, todayOrNext } from "./block.js";

export function markToday(gym) {
  const data = readData();
  const { plan } = storedPlan();
  if (!data || !plan) return;
  const found = todayOrNext(schedule(plan, data), localDay());
  if (!found || !found.today || String(found.item.week.number) !== gym.dataset.lhGym) return;
  const badge = $(`[data-lh-today-badge="${found.item.session}"]`);
  if (badge) badge.hidden = false;
}
