// The end-of-rest beep's schedule on the audio clock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { beepTimes } from "../../src/liftheavy/browser/js/sound.js";

test("three beeps of 0.2 s, one every 0.4 s", () => {
  assert.deepEqual(beepTimes(10, 3).map(([a, b]) => [+a.toFixed(3), +b.toFixed(3)]), [
    [10, 10.2], [10.4, 10.6], [10.8, 11],
  ]);
});
