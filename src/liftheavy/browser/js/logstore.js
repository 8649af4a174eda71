/* Your log in storage: every logged set, as one versioned JSON document under "lh-log".
   Where it sits: week-page cards (logcard.js) add entries, the log page (logpage.js) lists,
   edits, exports and imports them; both read and write through here. History is keyed by
   exercise id (with a card's former ids), never by the tick key, so a changed program never
   loses a set. Stored text that cannot be read is moved aside under "lh-log-unreadable",
   never overwritten, so it can still be exported; a newer version's log counts as unreadable.

   Entry: {id, exercise, card, week, session, set, date (YYYY-MM-DD, the runner's local day),
   kg (weight, or the weight added to a bodyweight move), reps, seconds, rir, substitute,
   target (the card's {low, high, rir, sets}, which the progression rule judges it against, or
   null), at (when it was last changed, ms)}. */

import { load, loadRaw, save } from "./storage.js";
import { isDay } from "./block.js";
import { toKg } from "./units.js";

export const LOG_KEY = "log";
export const UNREADABLE_KEY = "log-unreadable";
export const LOG_VERSION = 1;

export const emptyLog = () => ({ version: LOG_VERSION, sets: [], lastExport: null });

const FIELDS = "id exercise card week session set date kg reps seconds rir substitute target at".split(" ");
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const whole = (x, max) => Number.isInteger(x) && x >= 0 && x <= max;
const maybe = (x, ok) => x === null || ok(x);
const isTarget = (t) => ["low", "high", "rir", "sets"].every((k) => whole(t[k], 1000)) && Object.keys(t).length === 4;

// One entry as stored, or null when any field is missing or out of range.
export function readEntry(e) {
  if (!e || typeof e !== "object") return null;
  const ok = typeof e.id === "string" && /^[\w-]{1,40}$/.test(e.id)
    && typeof e.exercise === "string" && ID.test(e.exercise)
    && typeof e.card === "string" && e.card.length <= 40
    && maybe(e.week, (w) => whole(w, 99)) && maybe(e.session, (s) => typeof s === "string" && ID.test(s))
    && whole(e.set, 99) && e.set >= 1 && isDay(e.date)
    && maybe(e.kg, (kg) => typeof kg === "number" && kg >= 0 && kg <= 1000)
    && maybe(e.reps, (r) => whole(r, 1000)) && maybe(e.seconds, (s) => whole(s, 36000))
    && maybe(e.rir, (r) => whole(r, 30)) && typeof e.substitute === "boolean"
    && maybe(e.target, (t) => typeof t === "object" && isTarget(t))
    && typeof e.at === "number" && e.at >= 0;
  if (!ok) return null;
  return Object.fromEntries(FIELDS.map((k) => [k, e[k]]));
}

// Version 0, the log's first draft, stored a bare list of sets with the weight as
// {weight, unit} and no change time; version 1 keeps kg and `at`.
const MIGRATIONS = {
  0: (sets) => ({
    version: 1,
    lastExport: null,
    sets: sets.map((s) => s && typeof s === "object" && {
      card: "", week: null, session: null, seconds: null, rir: null, substitute: false, target: null, at: 0, ...s,
      kg: typeof s.weight === "number" ? +toKg(s.weight, s.unit === "lb" ? "lb" : "kg").toFixed(3) : null,
      weight: undefined, unit: undefined,
    }),
  }),
};

// A stored document brought to the current version: {log, bad} (bad: entries it could not
// read), or null when it is not a log this version can read.
export function migrateLog(doc) {
  if (Array.isArray(doc)) doc = MIGRATIONS[0](doc);
  if (!doc || typeof doc !== "object" || doc.version !== LOG_VERSION || !Array.isArray(doc.sets)) return null;
  const sets = doc.sets.map(readEntry);
  const lastExport = typeof doc.lastExport === "number" ? doc.lastExport : null;
  return { log: { version: LOG_VERSION, sets: sets.filter(Boolean), lastExport }, bad: sets.filter((s) => !s).length };
}

// The log on this phone: {log, unreadable, writable}. Text that is not fully readable is
// kept aside first (if even that fails, `writable` is false and nothing may be written).
export function readLog(store) {
  const raw = loadRaw(LOG_KEY, store);
  if (raw === null) return { log: emptyLog(), unreadable: false, writable: true };
  if (raw === undefined) return { log: emptyLog(), unreadable: false, writable: false };
  let found = null;
  try {
    found = migrateLog(JSON.parse(raw));
  } catch (error) { /* not JSON: kept aside below */ }
  if (found && !found.bad) return { log: found.log, unreadable: false, writable: true };
  const writable = load(UNREADABLE_KEY, null, store) === raw || save(UNREADABLE_KEY, raw, store);
  return { log: found ? found.log : emptyLog(), unreadable: true, writable };
}

// false when storage is full or refuses writes: the caller says so and keeps the screen.
export const writeLog = (log, store) => save(LOG_KEY, log, store);

export function newEntry(fields, now = Date.now(), random = Math.random) {
  let id = "";
  while (id.length < 12) id += Math.floor(random() * 16).toString(16);
  return readEntry({
    id, card: "", week: null, session: null, kg: null, reps: null, seconds: null, rir: null,
    substitute: false, target: null, ...fields, at: now,
  });
}

export const putEntry = (log, entry) => ({ ...log, sets: [...log.sets.filter((s) => s.id !== entry.id), entry] });
export const removeEntry = (log, id) => ({ ...log, sets: log.sets.filter((s) => s.id !== id) });

// The most recent day (before `beforeDay`, when given) with sets of any of `ids`.
export function lastTime(log, ids, beforeDay) {
  const mine = log.sets.filter((s) => ids.includes(s.exercise) && (!beforeDay || s.date < beforeDay));
  if (!mine.length) return null;
  const date = mine.reduce((d, s) => (s.date > d ? s.date : d), "");
  const sets = mine.filter((s) => s.date === date).sort((a, b) => a.set - b.set || a.at - b.at);
  return { date, sets };
}

// Sessions (a day's sets of one week and session) logged or changed since the last export.
export function sessionsSinceExport(log) {
  const since = log.lastExport || 0;
  return new Set(log.sets.filter((s) => s.at > since).map((s) => `${s.date} ${s.week} ${s.session}`)).size;
}
