// Your block: local days, the default start, the schedule with releases and moves, the
// overview's scheduling rules and the calendar text. Dates are worked out by hand from a
// 2027 calendar (1 January 2027 is a Friday, so 4 January is a Monday).
import { test } from "node:test";
import assert from "node:assert/strict";
import { blockCalendar, foldLine } from "../../src/liftheavy/browser/js/blockics.js";
import {
  addDays, blockSessions, daysBetween, isDay, localDay, longDay, readPlan, shortDay, schedule, todayOrNext, weekdayOf,
} from "../../src/liftheavy/browser/js/block.js";
import { importPlan } from "../../src/liftheavy/browser/js/logfile.js";
import {
  lastPast, makePlan, moveFrom, newPlanId, nextLine, nextMonday, planWarnings, weekState,
} from "../../src/liftheavy/browser/js/blockplan.js";

const week = (number, release, built = true) => ({
  number, release, built, path: `week-${number}/`,
  sessions: [{ id: "a", title: `Strength ${number}` }, { id: "b", title: `Power ${number}` }],
});
const DATA = { weeks: [week(1, "2027-01-04"), week(2, "2027-01-11"), week(3, "2027-01-18"), week(4, "2027-01-25")] };
const TUE = 1;
const FRI = 4;
const plan = (start = "2027-01-04", extra = {}) =>
  makePlan({ id: "abcdefgh12345678", start, liftDays: [FRI, TUE], ...extra });
const dates = (items) => items.map((i) => i.date);
const withTimeZone = (zone, body) => {
  const saved = process.env.TZ;
  process.env.TZ = zone; // Node re-reads TZ when it changes
  try { body(); } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
};

test("today is the local date, not the UTC one", () => {
  withTimeZone("America/Los_Angeles", () => {
    // 06:30 UTC on 5 January is 22:30 on 4 January in California.
    assert.equal(localDay(new Date("2027-01-05T06:30:00Z")), "2027-01-04");
    assert.equal(localDay(new Date("2027-01-05T08:00:00Z")), "2027-01-05");
  });
  withTimeZone("Pacific/Auckland", () => {
    assert.equal(localDay(new Date("2027-01-04T11:30:00Z")), "2027-01-05"); // 00:30 NZDT
  });
});

test("day arithmetic is on dates, so daylight-saving changes shift nothing", () => {
  withTimeZone("Europe/Berlin", () => {
    // Clocks go forward on Sunday 28 March 2027 and back on Sunday 31 October 2027: a local
    // midnight plus 24 hours would land on 23:00 of the same day in October.
    assert.equal(addDays("2027-03-27", 1), "2027-03-28");
    assert.equal(addDays("2027-03-28", 1), "2027-03-29");
    assert.equal(addDays("2027-10-30", 2), "2027-11-01");
    assert.equal(weekdayOf("2027-03-28"), 6);
    assert.equal(weekdayOf("2027-10-31"), 6);
    assert.equal(daysBetween("2027-03-27", "2027-04-03"), 7);
    // 31 October has 25 hours there: 00:30 (summer time) and 23:30 (winter time) are one day.
    assert.equal(localDay(new Date("2027-10-30T22:30:00Z")), "2027-10-31");
    assert.equal(localDay(new Date("2027-10-31T22:30:00Z")), "2027-10-31");
  });
});

test("days roll over months, years and leap days; only real dates are days", () => {
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2027-02-28", 1), "2027-03-01");
  assert.equal(addDays("2027-01-04", -5), "2026-12-30");
  assert.equal(weekdayOf("2027-01-04"), 0);
  assert.equal(weekdayOf("2027-01-10"), 6);
  assert.equal(isDay("2027-02-29"), false);
  assert.equal(isDay("2028-02-29"), true);
  assert.equal(isDay("2027-1-4"), false);
  assert.equal(isDay(20270104), false);
  assert.equal(longDay("2027-01-04"), "Monday 4 January 2027");
  assert.equal(longDay("2027-01-18", false), "Monday 18 January");
  assert.equal(shortDay("2027-01-04"), "4 Jan");
  assert.equal(shortDay("2026-12-25"), "25 Dec");
});

test("the default start is the next Monday; on a Monday, the one a week later", () => {
  assert.equal(nextMonday("2026-12-02"), "2026-12-07"); // a Wednesday
  assert.equal(nextMonday("2027-01-10"), "2027-01-11"); // a Sunday
  assert.equal(nextMonday("2027-01-04"), "2027-01-11"); // a Monday
});

test("eight sessions on successive lift days from the start", () => {
  const items = schedule(plan(), DATA);
  assert.deepEqual(dates(items), [
    "2027-01-05", "2027-01-08", "2027-01-12", "2027-01-15",
    "2027-01-19", "2027-01-22", "2027-01-26", "2027-01-29",
  ]);
  assert.deepEqual(items.map((i) => i.label).slice(0, 3), ["week 1, session A", "week 1, session B", "week 2, session A"]);
  assert.equal(items[3].path, "week-2/#session-b");
  assert.equal(items[3].title, "Power 2");
  // Starting on a lift day counts that day.
  assert.equal(schedule(plan("2027-01-05"), DATA)[0].date, "2027-01-05");
});

test("before-run mode: one session a week, the week page's high-mileage version", () => {
  const items = schedule(plan("2027-01-04", { mode: "short" }), DATA);
  assert.deepEqual(dates(items), ["2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26"]);
  assert.equal(items[1].path, "week-2/#high-mileage");
  assert.equal(items[1].label, "week 2, before-run session");
  assert.equal(blockSessions(DATA, "full").length, 8);
});

test("no session before its week's release date", () => {
  // Starting in December: week 1 waits for 4 January.
  assert.equal(schedule(plan("2026-12-07"), DATA)[0].date, "2027-01-05");
  // A week released late holds back its sessions and every one after it.
  const late = { weeks: [DATA.weeks[0], week(2, "2027-01-20", false), DATA.weeks[2], DATA.weeks[3]] };
  assert.deepEqual(dates(schedule(plan(), late)), [
    "2027-01-05", "2027-01-08", "2027-01-22", "2027-01-26",
    "2027-01-29", "2027-02-02", "2027-02-05", "2027-02-09",
  ]);
});

test("missed a day: that session and the rest move to the next lift day from then", () => {
  const first = plan();
  // Week 2 session A was on Tuesday 12 January; on Wednesday the runner taps "missed it".
  const moved = moveFrom(first, 2, "2027-01-13");
  assert.equal(moved.revision, 1);
  assert.deepEqual(first.moves, []); // the old plan is left as it was
  assert.deepEqual(dates(schedule(moved, DATA)), [
    "2027-01-05", "2027-01-08", "2027-01-15", "2027-01-19",
    "2027-01-22", "2027-01-26", "2027-01-29", "2027-02-02",
  ]);
  // Then week 3 session A (Friday 22nd) is missed too, noticed on Saturday.
  const twice = moveFrom(moved, 4, "2027-01-23");
  assert.equal(twice.revision, 2);
  assert.deepEqual(dates(schedule(twice, DATA)).slice(4), ["2027-01-26", "2027-01-29", "2027-02-02", "2027-02-05"]);
  assert.deepEqual(readPlan(JSON.parse(JSON.stringify(twice))), twice);
});

test("today's or the next session, in the overview's words", () => {
  const items = schedule(plan(), DATA);
  const line = (today) => nextLine(todayOrNext(items, today), today);
  assert.equal(line("2027-01-12"), "Today: week 2, session A");
  assert.equal(line("2027-01-13"), "Next: Friday, week 2, session B");
  assert.equal(line("2027-01-14"), "Next: Tomorrow, week 2, session B");
  assert.equal(line("2026-12-30"), "Next: Tuesday, week 1, session A");
  assert.equal(line("2026-12-20"), "Next: Tuesday 5 January, week 1, session A");
  assert.equal(todayOrNext(items, "2027-01-30"), null);
  assert.equal(lastPast(items, "2027-01-13").label, "week 2, session A");
  assert.equal(lastPast(items, "2027-01-05"), null); // nothing past yet
  assert.equal(lastPast(items, "2027-02-01"), null); // the block is over
});

test("the overview's rules: not on the long-run day, not the day before it or a key workout", () => {
  assert.deepEqual(planWarnings(plan("2027-01-04", { longRun: 6, keyDays: [2] })), [
    "Tuesday is the day before a key workout (Wednesday): heavy legs can take more than a day to feel fresh.",
  ]);
  assert.deepEqual(planWarnings(makePlan({ id: "abcdefgh", start: "2027-01-04", liftDays: [5, 6], longRun: 6 })), [
    "Saturday is the day before your long run: heavy legs can take more than a day to feel fresh.",
    "Sunday is your long-run day: lift on another day.",
  ]);
  // Lifting on a key-workout day (after the run) is the overview's best case: no warning.
  assert.deepEqual(planWarnings(plan("2027-01-04", { longRun: 0, keyDays: [1, 4] })), []);
  // Sunday's lift before a Monday long run wraps around the week.
  assert.equal(planWarnings(makePlan({ id: "abcdefgh", start: "2027-01-04", liftDays: [2, 6], longRun: 0 })).length, 1);
});

test("plans are checked in full before they are kept or imported", () => {
  assert.equal(makePlan({ id: "abcdefgh", start: "2027-01-04", liftDays: [1, 1] }), null);
  assert.equal(makePlan({ id: "abcdefgh", start: "2027-02-30", liftDays: [1, 4] }), null);
  const good = plan();
  assert.deepEqual(good.liftDays, [TUE, FRI]);
  for (const bad of [
    null, "plan", [], { ...good, version: 2 }, { ...good, id: "<script>" }, { ...good, liftDays: [1, 7] },
    { ...good, liftDays: [1] }, { ...good, longRun: "sunday" }, { ...good, mode: "easy" },
    { ...good, moves: [{ from: -1, date: "2027-01-05" }] }, { ...good, moves: [{ from: 1, date: "soon" }] },
    { ...good, revision: 1.5 }, { ...good, moves: Array(65).fill({ from: 1, date: "2027-01-05" }) },
  ]) assert.equal(readPlan(bad), null, JSON.stringify(bad));
  // Unknown fields are dropped, not kept.
  assert.deepEqual(readPlan({ ...good, extra: "<img>" }), good);
  assert.match(newPlanId(), /^[a-z0-9]{16}$/);
  assert.notEqual(newPlanId(), newPlanId());
});

test("a week's state: open in this build, later today, or coming", () => {
  assert.equal(weekState(week(2, "2027-01-11", true), "2027-01-04"), "open"); // a preview build
  assert.equal(weekState(week(2, "2027-01-11", false), "2027-01-11"), "later-today");
  assert.equal(weekState(week(2, "2027-01-11", false), "2027-01-10"), "coming");
});

test("lines fold at 75 octets without splitting a character", () => {
  const line = "DESCRIPTION:" + "x".repeat(100);
  const folded = foldLine(line).split("\r\n");
  assert.deepEqual(folded.map((l) => l.length), [75, 38]);
  assert.equal(folded[1][0], " ");
  const wide = foldLine("SUMMARY:" + "ø".repeat(40)); // 2 octets each
  const parts = wide.split("\r\n");
  assert.equal(Buffer.byteLength(parts[0]), 74); // 8 + 33 × 2; one more would be 76
  assert.equal(parts.join("").replace(/ /g, ""), "SUMMARY:" + "ø".repeat(40));
});

test("the calendar: all-day events on the session dates, stable UIDs, the plan's revision", () => {
  const moved = moveFrom(plan("2026-12-28", { mode: "short" }), 3, "2027-01-27");
  const text = blockCalendar(moved, schedule(moved, DATA), "https://example.org/rlh/", new Date("2026-12-02T06:30:15.123Z"));
  assert.ok(text.endsWith("END:VCALENDAR\r\n"));
  assert.equal(text.split("\r\n").filter((l) => l === "BEGIN:VEVENT").length, 4);
  assert.ok(!/[^\r]\n/.test(text), "every line ends in CRLF");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
  const unfolded = text.replace(/\r\n /g, "");
  const last = unfolded.split("BEGIN:VEVENT")[4];
  assert.equal(last, "\r\n" + [
    "UID:abcdefgh12345678-week-4-high-mileage@runners-lift-heavy",
    "DTSTAMP:20261202T063015Z",
    "SEQUENCE:1",
    "DTSTART;VALUE=DATE:20270129",
    "DTEND;VALUE=DATE:20270130",
    "SUMMARY:Lift: week 4\\, before-run session",
    "DESCRIPTION:Runners Lift Heavy\\, week 4\\, before-run session. Open it at th"
      + "e gym: https://example.org/rlh/week-4/#high-mileage",
    "URL:https://example.org/rlh/week-4/#high-mileage",
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n"));
  // The same plan downloaded again keeps its UIDs.
  const again = blockCalendar(moved, schedule(moved, DATA), "https://example.org/rlh/", new Date());
  const uids = (t) => t.split("\r\n").filter((l) => l.startsWith("UID:"));
  assert.deepEqual(uids(again), uids(text));
});

test("a plan in an imported file is taken only where nothing is lost", () => {
  const here = plan();
  const moved = moveFrom(here, 2, "2027-01-13");
  const other = makePlan({ id: "zzzzzzzz99999999", start: "2027-02-01", liftDays: [0, 3] });
  assert.deepEqual(importPlan(null, moved), { plan: moved, outcome: "added" });
  assert.deepEqual(importPlan(here, moved), { plan: moved, outcome: "updated" });
  assert.deepEqual(importPlan(moved, here), { plan: moved, outcome: "same" }); // an older copy
  assert.deepEqual(importPlan(here, other), { plan: here, outcome: "kept" });
  assert.deepEqual(importPlan(here, undefined), { plan: here, outcome: "none" });
  assert.deepEqual(importPlan(null, { ...moved, liftDays: [9, 9] }), { plan: null, outcome: "unreadable" });
});
