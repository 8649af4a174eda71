/* Your block, the plan itself: making one from the form, "missed it" moves, the overview's
   scheduling warnings, the line naming the next session. Pure functions over block.js's dates
   and schedule; blockpage.js uses them, week pages and the log page do not load them. */

import { BLOCK_VERSION, MAX_MOVES, WEEKDAYS, addDays, daysBetween, longDay, readPlan, weekdayOf } from "./block.js";

// The default start: the Monday after today (a week ahead when today is a Monday).
export const nextMonday = (today) => addDays(today, 7 - weekdayOf(today));

// A plan as the runner chose it, or null if it is not a usable one (the form checks first).
export function makePlan({ id, start, liftDays, longRun = null, keyDays = [], mode = "full" }) {
  const plan = {
    version: BLOCK_VERSION, id, start, liftDays: [...liftDays].sort((a, b) => a - b), longRun,
    keyDays: [...keyDays].sort((a, b) => a - b), mode, moves: [], revision: 0,
  };
  return readPlan(plan) ? plan : null;
}

// A new random plan id (made once per plan; the calendar's UIDs come from it).
export function newPlanId(random = () => Math.random()) {
  let id = "";
  while (id.length < 16) id += Math.floor(random() * 36).toString(36);
  return id;
}

// The last session dated before today, while the block runs (to offer "missed it?").
export function lastPast(items, today) {
  const past = items.filter((i) => i.date < today);
  return past.length && past.length < items.length ? past[past.length - 1] : null;
}

// "Today: week 2, session B"; "Next: Thursday, week 2, session A" (the date in full from a
// week ahead on, where a weekday alone would be ambiguous).
export function nextLine(found, today) {
  if (!found) return "";
  const { item } = found;
  if (found.today) return `Today: ${item.label}`;
  const ahead = daysBetween(today, item.date);
  const when = ahead === 1 ? "Tomorrow" : ahead < 7 ? WEEKDAYS[weekdayOf(item.date)] : longDay(item.date, false);
  return `Next: ${when}, ${item.label}`;
}

/* "Missed it": the session and every one after it move to the next lift day from `date`
   (today for a session already past, tomorrow for today's). A new revision, so a calendar
   downloaded again updates its events. */
export function moveFrom(plan, index, date) {
  const moves = [...plan.moves, { from: index, date }].slice(-MAX_MOVES);
  return { ...plan, moves, revision: plan.revision + 1 };
}

// The overview's own scheduling rules (docs/index.md, "How often, and how to fit it around
// running"): never on the long-run day, never the day before a key workout or the long run.
export function planWarnings(plan) {
  const warnings = [];
  for (const day of plan.liftDays) {
    const name = WEEKDAYS[day];
    const after = (day + 1) % 7;
    if (day === plan.longRun) warnings.push(`${name} is your long-run day: lift on another day.`);
    else if (after === plan.longRun) warnings.push(`${name} is the day before your long run: heavy legs can take more than a day to feel fresh.`);
    else if (plan.keyDays.includes(after)) warnings.push(`${name} is the day before a key workout (${WEEKDAYS[after]}): heavy legs can take more than a day to feel fresh.`);
  }
  return warnings;
}

// Where a week stands for this phone today: "open" (this build has its page), "later-today"
// (its release date has come here, but the site has not been rebuilt since), or "coming".
export function weekState(week, today) {
  if (week.built) return "open";
  return week.release <= today ? "later-today" : "coming";
}
