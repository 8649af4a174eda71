// The rest timer's state: a wall-clock deadline while running, the time left while paused.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addTime, clock, passesThirty, remaining, restState, stillRunning, togglePause,
} from "../../src/liftheavy/browser/js/timer.js";

const NOW = 1_800_000_000_000;

test("the clock reads minutes and two-digit seconds", () => {
  assert.equal(clock(0), "0:00");
  assert.equal(clock(9), "0:09");
  assert.equal(clock(65), "1:05");
  assert.equal(clock(600), "10:00");
});

test("a rest runs to a deadline and never goes below zero", () => {
  const state = restState(90, "Goblet squat", NOW);
  assert.deepEqual(state, { end: NOW + 90000, name: "Goblet squat" });
  assert.equal(remaining(state, NOW + 30000), 60000);
  assert.equal(remaining(state, NOW + 120000), 0);
});

test("pause keeps the time left; resume sets a new deadline from then", () => {
  const paused = togglePause(restState(90, "Row", NOW), NOW + 20000);
  assert.deepEqual(paused, { left: 70000, name: "Row" });
  assert.equal(remaining(paused, NOW + 999999), 70000); // time does not run while paused
  assert.deepEqual(togglePause(paused, NOW + 50000), { end: NOW + 120000, name: "Row" });
});

test("+15 s moves the deadline, or adds to the time left when paused", () => {
  assert.deepEqual(addTime({ end: NOW, name: "Row" }, 15000), { end: NOW + 15000, name: "Row" });
  assert.deepEqual(addTime({ left: 5000, name: "Row" }, 15000), { left: 20000, name: "Row" });
});

test("a saved rest is picked up after a reload only if paused or not over", () => {
  assert.equal(stillRunning(null, NOW), false);
  assert.equal(stillRunning({ end: NOW - 1, name: "Row" }, NOW), false);
  assert.equal(stillRunning({ end: NOW + 1, name: "Row" }, NOW), true);
  assert.equal(stillRunning({ left: 0, name: "Row" }, NOW), true);
});

test("'30 seconds left' is said once, as the countdown passes 30", () => {
  assert.equal(passesThirty(31, 30), true);
  assert.equal(passesThirty(45, 28), true); // a throttled tab may skip seconds
  assert.equal(passesThirty(30, 29), false);
  assert.equal(passesThirty(31, 0), false); // the rest is over: "Rest over" is said instead
});
