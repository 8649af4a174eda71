// The gym arithmetic against values worked out by hand (comments show the working).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BELLS, loadText, loadable, nearest, platesPerSide, PLATES, rampText, roundToStep, stepped,
} from "../../src/liftheavy/browser/js/loads.js";
import { inUnit, number, toKg } from "../../src/liftheavy/browser/js/units.js";

test("plates per side on a 20 kg bar", () => {
  // 100 kg: (100 - 20) / 2 = 40 a side = 25 + 15.
  assert.deepEqual(platesPerSide(100, 20, PLATES.kg), [25, 15]);
  // 62.5 kg: 21.25 a side = 20 + 1.25.
  assert.deepEqual(platesPerSide(62.5, 20, PLATES.kg), [20, 1.25]);
  // 142.5 kg: 61.25 a side = 25 + 25 + 10 + 1.25.
  assert.deepEqual(platesPerSide(142.5, 20, PLATES.kg), [25, 25, 10, 1.25]);
  assert.deepEqual(platesPerSide(20, 20, PLATES.kg), []);
});

test("plates per side on a 15 kg bar", () => {
  // 47.5 kg: 16.25 a side = 15 + 1.25.
  assert.deepEqual(platesPerSide(47.5, 15, PLATES.kg), [15, 1.25]);
  // 37.5 kg: 11.25 a side = 10 + 1.25.
  assert.deepEqual(platesPerSide(37.5, 15, PLATES.kg), [10, 1.25]);
});

test("plates per side on 45 and 35 lb bars", () => {
  // 135 lb on 45: 45 a side.
  assert.deepEqual(platesPerSide(135, 45, PLATES.lb), [45]);
  // 180 lb on 45: 67.5 a side = 45 + 10 + 10 + 2.5.
  assert.deepEqual(platesPerSide(180, 45, PLATES.lb), [45, 10, 10, 2.5]);
  // 100 lb on 35: 32.5 a side = 25 + 5 + 2.5.
  assert.deepEqual(platesPerSide(100, 35, PLATES.lb), [25, 5, 2.5]);
});

test("a barbell load in words, rounded to 2.5 kg / 5 lb, never below the bar", () => {
  // 61.3 / 2.5 = 24.52 -> 25 steps = 62.5 kg.
  assert.equal(loadText("barbell", 61.3, "kg", "20"), "62.5 kg = 20 kg bar + 20 + 1.25 kg per side");
  assert.equal(loadText("barbell", 47.5, "kg", "15"), "47.5 kg = 15 kg bar + 15 + 1.25 kg per side");
  assert.equal(loadText("barbell", 10, "kg", "15"), "15 kg: the empty bar");
  // 182 / 5 = 36.4 -> 36 steps = 180 lb; the "20" bar setting is a 45 lb bar.
  assert.equal(loadText("barbell", 182, "lb", "20"), "180 lb = 45 lb bar + 45 + 10 + 10 + 2.5 lb per side");
  assert.equal(loadText("barbell", 100, "lb", "15"), "100 lb = 35 lb bar + 25 + 5 + 2.5 lb per side");
  assert.equal(loadText("barbell", 47, "lb", "20"), "45 lb: the empty bar");
});

test("rounding steps: the nearest multiple, halves up", () => {
  assert.equal(roundToStep(101.25, 2.5), 102.5); // 40.5 steps -> 41
  assert.equal(roundToStep(101.2, 2.5), 100); // 40.48 steps -> 40
  assert.equal(roundToStep(132.4, 5), 130);
  assert.equal(roundToStep(132.5, 5), 135);
  assert.equal(loadText("steps", 33.7, "kg"), "32.5 kg"); // 13.48 steps -> 13
  assert.equal(loadText("steps", 33.7, "lb"), "35 lb"); // 6.74 steps -> 7
});

test("bells: the nearest size, the lighter one on a tie", () => {
  assert.equal(nearest(BELLS.kg, 23), 22); // 22 and 24 are both 1 away
  assert.equal(nearest(BELLS.kg, 30), 28); // 28 and 32 are both 2 away
  assert.equal(nearest(BELLS.kg, 31), 32);
  assert.equal(nearest(BELLS.kg, 2), 4);
  assert.equal(nearest(BELLS.kg, 100), 48);
  assert.equal(nearest(BELLS.lb, 51.5), 50); // 50 and 53 are both 1.5 away
  assert.equal(loadText("kettlebell", 17.2, "kg"), "one 18 kg bell");
  assert.equal(loadText("kettlebell", 23, "kg"), "one 22 kg bell");
  assert.equal(loadText("kettlebell", 61, "lb"), "one 60 lb bell"); // 60 and 62: 1 each
});

test("a pair of bells splits the load; one bell past the heaviest becomes a pair", () => {
  // 50 kg -> 25 each -> 24 and 26 tie -> 24.
  assert.equal(loadText("kettlebell-pair", 50, "kg"), "two 24 kg bells (48 kg)");
  assert.equal(loadText("kettlebell-pair", 64, "kg"), "two 32 kg bells (64 kg)");
  // 60 kg is over 48: a pair of 30 -> 28 and 32 tie -> 28.
  assert.equal(loadText("kettlebell", 60, "kg"), "two 28 kg bells (56 kg)");
  assert.equal(loadText("kettlebell-pair", 100, "lb"), "two 50 lb bells (100 lb)");
});

test("kg and lb", () => {
  assert.equal(inUnit(100, "kg"), 100);
  assert.equal(number(inUnit(100, "lb")), "220.46"); // 100 / 0.45359237 = 220.462...
  assert.equal(number(toKg(225, "lb")), "102.06"); // 225 x 0.45359237 = 102.058...
  assert.equal(toKg(80, "kg"), 80);
  assert.ok(Math.abs(inUnit(toKg(315, "lb"), "lb") - 315) < 1e-9);
});

test("numbers shown with at most two decimals and no trailing zeros", () => {
  assert.equal(number(20), "20");
  assert.equal(number(2.5), "2.5");
  assert.equal(number(1.25), "1.25");
  assert.equal(number(0.1 + 0.2), "0.3");
  assert.equal(number(102.50000001), "102.5");
});

test("loadable weights: the bar at least, the nearest bell, a pair past the heaviest bell", () => {
  assert.equal(loadable("barbell", 12, "kg", "20"), 20);
  assert.equal(loadable("barbell", 66.2, "kg", "20"), 65); // 66.2 / 2.5 = 26.48 → 26 steps
  assert.equal(loadable("barbell", 143, "lb", "20"), 145); // 5 lb steps: 28.6 → 29
  assert.equal(loadable("kettlebell", 23, "kg", "20"), 22); // a tie (22, 24): the lighter bell
  assert.equal(loadable("kettlebell", 60, "kg", "20"), 56); // past 48: two bells of 30, a tie (28, 32): the lighter
  assert.equal(loadable("kettlebell-pair", 33, "kg", "20"), 32); // 16.5 → two 16 kg bells
  assert.equal(loadable("steps", 11.4, "kg", "20"), 12.5);
});

test("one real step: the next bell, the next pair, 2.5 kg or 5 lb, never below the bar", () => {
  assert.equal(stepped("kettlebell", 24, 1, "kg", "20"), 26);
  assert.equal(stepped("kettlebell", 28, 1, "kg", "20"), 32); // no 30 kg bell
  assert.equal(stepped("kettlebell", 4, -1, "kg", "20"), 4); // the lightest stays
  assert.equal(stepped("kettlebell-pair", 32, 1, "kg", "20"), 36); // 2 × 16 → 2 × 18
  assert.equal(stepped("barbell", 60, 1, "kg", "20"), 62.5);
  assert.equal(stepped("barbell", 45, -1, "lb", "20"), 45); // the empty 45 lb bar
  assert.equal(stepped("steps", 0, -1, "kg", "20"), 0);
});

test("a ramp's warm-up sets in weights from the 1RM", () => {
  // 1RM 100 kg: 40% = 40 kg (10 per side), 55% = 55 kg (17.5 a side = 15 + 2.5), 65% = 65 kg (22.5 = 20 + 2.5).
  assert.equal(
    rampText("barbell", 100, [[0, 8], [40, 5], [55, 3], [65, 2]], "kg", "20"),
    "bar × 8, 40 kg × 5 (10 per side), 55 kg × 3 (15 + 2.5 per side), 65 kg × 2 (20 + 2.5 per side)",
  );
  // 1RM 40 kg: 40% is 16 kg, lighter than the bar, so the bar; no plates to name.
  assert.equal(rampText("barbell", 40, [[40, 5]], "kg", "20"), "20 kg × 5");
  // 1RM 225 lb on a 45 lb bar: 40% = 90 lb (22.5 a side = 10 + 10 + 2.5); 55% = 123.75 → 125 lb (40 = 35 + 5).
  assert.equal(rampText("barbell", 225, [[40, 5], [55, 3]], "lb", "20"), "90 lb × 5 (10 + 10 + 2.5 per side), 125 lb × 3 (35 + 5 per side)");
  // A kettlebell: the nearest bell, no plates. 1RM 40 kg: 50% = 20 kg.
  assert.equal(rampText("kettlebell", 40, [[50, 5]], "kg", "20"), "20 kg × 5");
  // A pair: 40% of 64 kg = 25.6 kg, 12.8 kg a hand → two 12 kg bells.
  assert.equal(rampText("kettlebell-pair", 64, [[40, 5]], "kg", "20"), "two 12 kg bells × 5");
});
