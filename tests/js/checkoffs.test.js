// Check-offs: where a session's ticks are kept and what a stored value gives back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { tickedSet, ticksKey } from "../../src/liftheavy/browser/js/checkoffs.js";

test("ticks are kept per week and session; a stored non-list means no ticks", () => {
  assert.equal(ticksKey("2", "a"), "ticks-2-a");
  assert.deepEqual([...tickedSet(["k1-1", "k1-2"])], ["k1-1", "k1-2"]);
  assert.equal(tickedSet({ length: 3 }).size, 0);
  assert.equal(tickedSet(null).size, 0);
});
