// Your log as a file (logfile.js): JSON and CSV round trips, broken and hostile files, merging.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CSV_COLUMNS, exportCsv, exportJson, mergeSets, parseCsv, parseImport } from "../../src/liftheavy/browser/js/logfile.js";
import { emptyLog, newEntry, putEntry } from "../../src/liftheavy/browser/js/logstore.js";

const NAMES = { "goblet-squat": "Goblet squat", "barbell-back-squat": "Barbell back squat", "side-plank": "Side plank" };
let n = 0;
const entry = (fields) => newEntry({ id: `e${++n}`, exercise: "barbell-back-squat", card: "k1", week: 2, session: "a",
  set: 1, date: "2026-12-01", kg: 60, reps: 5, rir: 3, ...fields }, 1000 + n);
const sample = () => [
  entry({ set: 1 }), entry({ set: 2, kg: 62.5, rir: 2 }),
  entry({ exercise: "goblet-squat", set: 1, kg: 24, reps: 8, rir: null, substitute: true }),
  entry({ exercise: "side-plank", set: 1, kg: null, reps: null, seconds: 30, rir: null, session: "b", date: "2026-12-03" }),
].reduce(putEntry, emptyLog());

test("JSON export then import gives back every entry and the plan exactly", () => {
  const log = sample();
  const plan = { version: 1, id: "p1", start: "2026-11-30", liftDays: [0, 3] };
  const text = exportJson(log, plan, new Date("2026-12-04T10:00:00Z"));
  const doc = JSON.parse(text);
  assert.equal(doc.format, "runners-lift-heavy-log");
  assert.equal(doc.exported, "2026-12-04T10:00:00.000Z");
  const back = parseImport(text, "kg", NAMES);
  assert.deepEqual(back.sets, log.sets);
  assert.deepEqual(back.plan, plan);
});

test("CSV export has Strong's columns, in the runner's unit, and reads back", () => {
  const log = sample();
  const csv = exportCsv(log, "lb", NAMES);
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], CSV_COLUMNS);
  assert.deepEqual(rows[1], ["2026-12-01 00:00:00", "Week 2, session A", "", "Barbell back squat", "1", "132.28", "5", "", "", "", "", "7"]);
  assert.equal(rows[3][9], "substitute");
  assert.deepEqual(rows[4].slice(3, 9), ["Side plank", "1", "", "", "", "30"]);
  const back = parseImport(csv, "lb", NAMES, 5000, () => 0);
  const strip = (s) => ({ ...s, id: "", card: "", at: 0, kg: s.kg === null ? null : +s.kg.toFixed(1) });
  const order = (a, b) => (a.date + a.exercise + a.set).localeCompare(b.date + b.exercise + b.set);
  assert.deepEqual(back.sets.map(strip).sort(order), log.sets.map(strip).sort(order));
  // Imported again, the CSV adds nothing: every set is already there.
  const merged = mergeSets(log, back.sets);
  assert.equal(merged.added.length, 0);
  assert.equal(merged.skipped, 4);
});

test("a Strong export: its rows of our exercises come in, the others are named", () => {
  const csv = 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n'
    + '2026-10-01 18:02:11,"Legs, heavy",45m,Goblet Squat,1,20,10,0,0,,,8\n'
    + '2026-10-01 18:02:11,"Legs, heavy",45m,Leg Press (Machine),1,100,12,0,0,,,\n';
  const found = parseImport(csv, "kg", NAMES);
  assert.equal(found.sets.length, 1);
  assert.equal(found.sets[0].exercise, "goblet-squat");
  assert.equal(found.sets[0].rir, 2);
  assert.equal(found.sets[0].week, null);
  assert.deepEqual(found.unknown, ["Leg Press (Machine)"]);
});

test("quoted CSV fields keep commas, quotes and line breaks", () => {
  assert.deepEqual(parseCsv('a,"b, ""c""\nd",e\r\n1,2,3'), [["a", 'b, "c"\nd', "e"], ["1", "2", "3"]]);
  assert.equal(parseCsv('a,"never closed'), null);
});

test("broken, foreign, huge and hostile files get one sentence and no sets", () => {
  const good = exportJson(sample(), null);
  const bad = {
    empty: "",
    truncated: good.slice(0, good.length / 2),
    "cut CSV": exportCsv(sample(), "kg", NAMES).slice(0, 12) + '"',
    foreign: JSON.stringify({ name: "my workouts", sets: [] }),
    newer: JSON.stringify({ format: "runners-lift-heavy-log", version: 2, sets: [] }),
    huge: "{" + " ".repeat(2 * 1024 * 1024) + "}",
    "not CSV either": "<html><body>hello</body></html>",
    "hostile id": good.replace('"exercise": "goblet-squat"', '"exercise": "<img src=x onerror=alert(1)>"'),
    "wrong type": good.replace('"reps": 5', '"reps": "5; DROP TABLE"'),
    "hostile CSV row": CSV_COLUMNS.join(",") + "\n2026-12-01,,,Goblet squat,<script>,20,8,,,,,\n",
  };
  for (const [what, text] of Object.entries(bad)) {
    const found = parseImport(text, "kg", NAMES);
    assert.equal(typeof found.error, "string", what);
    assert.ok(found.error.length < 200 && found.error.endsWith("."), what);
    assert.equal(found.sets, undefined, what);
  }
});

test("merging: no duplicates, newer versions of the same entry replace, the phone's own set wins a conflict", () => {
  const log = sample();
  const [first, second] = log.sets;
  const edited = { ...first, kg: 65, at: first.at + 10 };
  const older = { ...second, kg: 40, at: second.at - 10 };
  const twin = { ...second, id: "other", kg: 70 };
  const fresh = entry({ date: "2026-12-08", week: 3 });
  const result = mergeSets(log, [first, edited, older, twin, fresh]);
  assert.deepEqual(result.added, [fresh]);
  assert.deepEqual(result.replaced, [edited]);
  assert.deepEqual(result.conflicts, [twin]);
  assert.equal(result.skipped, 2);
  assert.equal(result.log.sets.find((s) => s.id === second.id).kg, 62.5);
  assert.equal(result.log.sets.length, log.sets.length + 1);
  assert.equal(log.sets.find((s) => s.id === first.id).kg, 60); // the local log itself is untouched
});
