/* Your block: the runner's own start date and lift days turned into a date for each session,
   as pure functions (no DOM, no storage; blockpage.js shows it, tests/js/block.test.js checks it).
   This module is what a week page needs too (dates, the stored plan read back, each session's
   date); what only the overview's form and the log's import need is in blockplan.js.

   Days are the runner's local calendar dates as "YYYY-MM-DD" strings: today comes from the
   local getters of a Date, and every step from one day to another goes through Date.UTC on
   the string, so midnight and daylight-saving changes never shift a day (a local Date plus
   24 hours can land on the same day or skip one). Weekdays count from Monday = 0.

   The build gives the page the program's shape (`data`: weeks with their release date, whether
   this build has their page, their path and sessions; render.block_data). A week page gets
   only what dating needs (render.block_dates: numbers, release dates, session ids; no titles
   or paths, which it never shows). The plan is what the
   runner chose; the schedule is worked out from both every time, so a new deploy or a move
   never leaves a stale date in storage. */

export const BLOCK_VERSION = 1;
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
export const MAX_MOVES = 64;
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

// "25 Nov": a chart's axis.
export function shortDay(day) {
  const [, , m, d] = DAY.exec(day);
  return `${+d} ${MONTHS[+m - 1].slice(0, 3)}`;
}

// The first day on or after `day` that falls on one of `weekdays`.
export function onOrAfter(day, weekdays) {
  let next = day;
  for (let i = 0; i < 7 && !weekdays.includes(weekdayOf(next)); i++) next = addDays(next, 1);
  return next;
}
const isWeekday = (n) => Number.isInteger(n) && n >= 0 && n <= 6;
const distinct = (list) => new Set(list).size === list.length;

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
