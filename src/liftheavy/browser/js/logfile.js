/* Your log as a file: export (our versioned JSON, with the block plan, and a CSV in Strong's
   columns) and import (either, checked before anything changes, merged without duplicates).
   Where it sits: only the log page (logpage.js) loads it. Imported text is data: it goes
   through readEntry like stored data and is only ever shown as text. The JSON format is
   described by schemas/log.schema.json. */

import { LOG_VERSION, newEntry, readEntry } from "./logstore.js";
import { inUnit, toKg } from "./units.js";
import { readPlan } from "./block.js";

export const FORMAT = "runners-lift-heavy-log";
export const MAX_BYTES = 2 * 1024 * 1024;
export const CSV_COLUMNS = ["Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
  "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE"];
const SUBSTITUTE = "substitute";

export const exportJson = (log, plan, now = new Date()) => JSON.stringify(
  { format: FORMAT, version: LOG_VERSION, exported: now.toISOString(), sets: log.sets, plan: plan || null }, null, 1);

const cell = (value) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const workout = (s) => (s.week ? `Week ${s.week}, session ${String(s.session).toUpperCase()}` : "");
const order = (a, b) => (a.date + workout(a) + a.exercise).localeCompare(b.date + workout(b) + b.exercise) || a.set - b.set;

// Strong's columns, weights in `unit` (the file name says which), RPE = 10 - reps in reserve.
export function exportCsv(log, unit, names) {
  const rows = [...log.sets].sort(order).map((s) => [
    `${s.date} 00:00:00`, workout(s), "", names[s.exercise] || s.exercise, String(s.set),
    s.kg === null ? "" : String(+inUnit(s.kg, unit).toFixed(2)), s.reps === null ? "" : String(s.reps), "",
    s.seconds === null ? "" : String(s.seconds), s.substitute ? SUBSTITUTE : "", "", s.rir === null ? "" : String(10 - s.rir),
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

// RFC 4180 rows; null when a quote is never closed (a cut-off file).
export function parseCsv(text) {
  const rows = [[]];
  let field = "", quoted = false, i = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { rows[rows.length - 1].push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      rows[rows.length - 1].push(field); field = ""; rows.push([]);
    } else field += c;
  }
  if (quoted) return null;
  rows[rows.length - 1].push(field);
  return rows.filter((row) => row.some((v) => v.trim() !== ""));
}

const fail = (error) => ({ error });
const num = (v) => (v.trim() === "" ? null : Number(v));

function fromJson(doc) {
  if (!doc || doc.format !== FORMAT) return fail("This is not a Runners Lift Heavy log file.");
  if (doc.version > LOG_VERSION) return fail("This log was saved by a newer version of the site: reload this page once with a connection, then import it again.");
  if (doc.version !== LOG_VERSION || !Array.isArray(doc.sets)) return fail("This log file is damaged: its list of sets cannot be read.");
  const sets = doc.sets.map(readEntry);
  const bad = sets.findIndex((s) => !s);
  if (bad >= 0) return fail(`This log file is damaged: set ${bad + 1} of ${sets.length} cannot be read. Nothing was imported.`);
  return { sets, plan: doc.plan || null, unknown: [] };
}

function fromCsv(rows, unit, names, now, random) {
  const head = rows[0].map((h) => h.trim());
  const col = Object.fromEntries(CSV_COLUMNS.map((name) => [name, head.indexOf(name)]));
  if (["Date", "Exercise Name", "Set Order", "Weight", "Reps"].some((name) => col[name] < 0)) {
    return fail("This is neither a Runners Lift Heavy log nor a CSV with Strong's columns (Date, Exercise Name, Set Order, Weight, Reps, …).");
  }
  const ids = Object.fromEntries(Object.entries(names).map(([id, name]) => [name.toLowerCase(), id]));
  const sets = [], unknown = new Set();
  for (const [n, row] of rows.slice(1).entries()) {
    const get = (name) => (col[name] >= 0 && row[col[name]] !== undefined ? row[col[name]] : "");
    const id = ids[get("Exercise Name").trim().toLowerCase()];
    if (!id) { unknown.add(get("Exercise Name").slice(0, 60)); continue; }
    const place = /^Week (\d+), session (\w+)$/.exec(get("Workout Name").trim());
    const weight = num(get("Weight")), rpe = num(get("RPE"));
    const entry = newEntry({
      exercise: id, date: get("Date").trim().slice(0, 10), set: num(get("Set Order")),
      week: place ? +place[1] : null, session: place ? place[2].toLowerCase() : null,
      kg: weight === null ? null : +toKg(weight, unit).toFixed(3), reps: num(get("Reps")),
      seconds: num(get("Seconds")), rir: rpe === null ? null : 10 - rpe, substitute: get("Notes").trim() === SUBSTITUTE,
    }, now, random);
    if (!entry) return fail(`Row ${n + 2} of this file cannot be read (date, set, weight, reps or RPE). Nothing was imported.`);
    sets.push(entry);
  }
  return { sets, plan: null, unknown: [...unknown] };
}

// {sets, plan, unknown (exercise names not in this program)} or {error: one plain sentence}.
export function parseImport(text, unit, names, now = Date.now(), random = Math.random) {
  if (typeof text !== "string" || !text.trim()) return fail("This file is empty.");
  if (text.length > MAX_BYTES) return fail("This file is too large to be a log (over 2 MB). Nothing was imported.");
  if (text.trimStart().startsWith("{")) {
    try {
      return fromJson(JSON.parse(text));
    } catch (error) {
      return fail("This log file is incomplete or damaged (it may have been cut short). Nothing was imported.");
    }
  }
  const rows = parseCsv(text);
  if (!rows || !rows.length) return fail("This file is incomplete or damaged (it may have been cut short). Nothing was imported.");
  return fromCsv(rows, unit, names, now, random);
}

const sameSet = (a, b) => a.exercise === b.exercise && a.date === b.date && a.set === b.set
  && a.week === b.week && a.session === b.session;
const sameNumbers = (a, b) => ["kg", "reps", "seconds", "rir", "substitute"]
  .every((k) => (typeof a[k] === "number" && typeof b[k] === "number" ? Math.abs(a[k] - b[k]) < 0.01 : a[k] === b[k]));

// The log after importing `incoming`: no duplicates; a local entry is replaced only by a
// newer version of itself (listed in `replaced`); a different entry for the same set is
// not imported (listed in `conflicts`) so the phone's own log always wins.
export function mergeSets(local, incoming) {
  const sets = [...local.sets], added = [], replaced = [], conflicts = [];
  let skipped = 0;
  for (const entry of incoming) {
    const mine = sets.findIndex((s) => s.id === entry.id);
    if (mine >= 0) {
      if (entry.at > sets[mine].at && !sameNumbers(entry, sets[mine])) { replaced.push(entry); sets[mine] = entry; } else skipped++;
      continue;
    }
    const twin = sets.find((s) => sameSet(s, entry));
    if (twin && sameNumbers(twin, entry)) skipped++;
    else if (twin) conflicts.push(entry);
    else { added.push(entry); sets.push(entry); }
  }
  return { log: { ...local, sets }, added, replaced, skipped, conflicts };
}

/* A plan arriving with an imported log file (the log's JSON export carries the plan as
   "plan"), against this phone's. Nothing is ever lost: the file's plan is taken when this
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
