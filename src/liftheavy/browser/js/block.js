/* Your block: the runner's own start date and lift days turned into a date for each session,
   as pure functions (no DOM, no storage; blockpage.js shows it, tests/js/block.test.js checks it).

   Days are the runner's local calendar dates as "YYYY-MM-DD" strings: today comes from the
   local getters of a Date, and every step from one day to another goes through Date.UTC on
   the string, so midnight and daylight-saving changes never shift a day (a local Date plus
   24 hours can land on the same day or skip one). Weekdays count from Monday = 0.

   The build gives the page the program's shape (`data`: weeks with their release date, whether
   this build has their page, their path and sessions; blockdata.html.j2). The plan is what the
   runner chose; the schedule is worked out from both every time, so a new deploy or a move
   never leaves a stale date in storage. */

export const BLOCK_VERSION = 1;
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const MAX_MOVES = 64;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n) => String(n).padStart(2, "0");
const fromUtc = (time) => {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
// Midnight UTC of a day string: a number to count days with, never shown.
const utcOf = (day) => {
  const [, y, m, d] = DAY.exec(day);
  return Date.UTC(+y, +m - 1, +d);
};

// Whether `day` is a real calendar date written as YYYY-MM-DD.
export const isDay = (day) => typeof day === "string" && DAY.test(day) && fromUtc(utcOf(day)) === day;
// The runner's date now, in the phone's time zone.
export const localDay = (now = new Date()) =>
  `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
export const addDays = (day, n) => fromUtc(utcOf(day) + n * 86400000);
export const weekdayOf = (day) => (new Date(utcOf(day)).getUTCDay() + 6) % 7;
export const daysBetween = (from, to) => Math.round((utcOf(to) - utcOf(from)) / 86400000);
// "Monday 4 January 2027"; without the year when `year` is false.
export function longDay(day, year = true) {
  const [, y, m, d] = DAY.exec(day);
  return `${WEEKDAYS[weekdayOf(day)]} ${+d} ${MONTHS[+m - 1]}${year ? " " + y : ""}`;
}

// The first day on or after `day` that falls on one of `weekdays`.
export function onOrAfter(day, weekdays) {
  let next = day;
  for (let i = 0; i < 7 && !weekdays.includes(weekdayOf(next)); i++) next = addDays(next, 1);
  return next;
}
// The default start: the Monday after today (a week ahead when today is a Monday).
export const nextMonday = (today) => addDays(today, 7 - weekdayOf(today));

const isWeekday = (n) => Number.isInteger(n) && n >= 0 && n <= 6;
const distinct = (list) => new Set(list).size === list.length;

// A plan as the runner chose it, or null if it is not a usable one (the form checks first).
export function makePlan({ id, start, liftDays, longRun = null, keyDays = [], mode = "full" }) {
  const plan = {
    version: BLOCK_VERSION, id, start, liftDays: [...liftDays].sort((a, b) => a - b), longRun,
    keyDays: [...keyDays].sort((a, b) => a - b), mode, moves: [], revision: 0,
  };
  return readPlan(plan) ? plan : null;
}

// A stored or imported plan checked in full: the plan, or null for anything else (an older
// phone's plan of a newer version, a damaged store, a hostile file).
export function readPlan(doc) {
  if (!doc || typeof doc !== "object" || doc.version !== BLOCK_VERSION) return null;
  const { id, start, liftDays, longRun, keyDays, mode, moves, revision } = doc;
  const ok = typeof id === "string" && /^[a-z0-9]{8,40}$/.test(id) && isDay(start)
    && Array.isArray(liftDays) && liftDays.length === 2 && liftDays.every(isWeekday) && distinct(liftDays)
    && (longRun === null || isWeekday(longRun))
    && Array.isArray(keyDays) && keyDays.length <= 7 && keyDays.every(isWeekday) && distinct(keyDays)
    && (mode === "full" || mode === "short")
    && Array.isArray(moves) && moves.length <= MAX_MOVES
    && moves.every((m) => m && Number.isInteger(m.from) && m.from >= 0 && m.from < 64 && isDay(m.date))
    && Number.isInteger(revision) && revision >= 0;
  if (!ok) return null;
  return {
    version: BLOCK_VERSION, id, start, liftDays: [...liftDays], longRun, keyDays: [...keyDays], mode,
    moves: moves.map((m) => ({ from: m.from, date: m.date })), revision,
  };
}

// A new random plan id (made once per plan; the calendar's UIDs come from it).
export function newPlanId(random = () => Math.random()) {
  let id = "";
  while (id.length < 16) id += Math.floor(random() * 36).toString(36);
  return id;
}

// The sessions of the block in order: both sessions of each week, or in before-run mode the
// one high-mileage (before-run) session of each week.
export function blockSessions(data, mode) {
  const list = [];
  for (const week of data.weeks) {
    const sessions = mode === "short" ? [{ id: "high-mileage", title: "" }] : week.sessions;
    for (const session of sessions) {
      const label = mode === "short" ? `week ${week.number}, before-run session` : `week ${week.number}, session ${session.id.toUpperCase()}`;
      const anchor = mode === "short" ? "high-mileage" : `session-${session.id}`;
      list.push({ week, session: session.id, title: session.title, label, path: `${week.path}#${anchor}` });
    }
  }
  return list;
}

/* Each session's date: successive lift days from the start, one session a day; never before
   its week's release date; never before a move's date from the moved session on; in
   before-run mode at least a week after the one before (one session a week). */
export function schedule(plan, data) {
  const items = [];
  let earliest = plan.start;
  blockSessions(data, plan.mode).forEach((session, index) => {
    for (const move of plan.moves) if (move.from === index && move.date > earliest) earliest = move.date;
    if (session.week.release > earliest) earliest = session.week.release;
    const date = onOrAfter(earliest, plan.liftDays);
    items.push({ index, ...session, date });
    earliest = addDays(date, plan.mode === "short" ? 7 : 1);
  });
  return items;
}

// The session of today, else the next one; null once the block is over.
export function todayOrNext(items, today) {
  const item = items.find((i) => i.date >= today);
  return item ? { item, today: item.date === today } : null;
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

/* A plan arriving with an imported log file (the log's JSON export carries the plan under
   "block"), against this phone's. Nothing is ever lost: the file's plan is taken when this
   phone has none, or when it is the same plan (same id) at a later revision; a different plan
   here is kept. `outcome`: "none" (the file has no plan), "unreadable", "added", "updated",
   "same" or "kept". */
export function importPlan(local, incoming) {
  if (incoming === undefined || incoming === null) return { plan: local, outcome: "none" };
  const theirs = readPlan(incoming);
  if (!theirs) return { plan: local, outcome: "unreadable" };
  if (!local) return { plan: theirs, outcome: "added" };
  if (theirs.id !== local.id) return { plan: local, outcome: "kept" };
  return theirs.revision > local.revision ? { plan: theirs, outcome: "updated" } : { plan: local, outcome: "same" };
}
