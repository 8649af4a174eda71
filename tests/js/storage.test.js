// Storage: JSON under "lh-<key>"; missing, full or corrupt storage gives the fallback.
import { test } from "node:test";
import assert from "node:assert/strict";
import { load, save } from "../../src/liftheavy/browser/js/storage.js";
import { MemoryStorage } from "./memorystorage.js";


test("values round-trip as JSON under the lh- prefix", () => {
  const store = new MemoryStorage();
  assert.equal(save("unit", "lb", store), true);
  assert.equal(store.getItem("lh-unit"), '"lb"');
  assert.equal(load("unit", "kg", store), "lb");
  save("1rm", { "back-squat": 100 }, store);
  assert.deepEqual(load("1rm", {}, store), { "back-squat": 100 });
});

test("nothing stored, corrupt JSON or no storage at all give the fallback", () => {
  const store = new MemoryStorage();
  assert.equal(load("mode", "full", store), "full");
  store.setItem("lh-mode", "{not json");
  assert.equal(load("mode", "full", store), "full");
  // Node has no localStorage: the same path as a browser that refuses storage.
  assert.equal(load("mode", "full"), "full");
  assert.equal(save("mode", "short"), false);
});

test("a full store reports the write as failed and keeps the old value", () => {
  const store = new MemoryStorage(20);
  assert.equal(save("a", 1, store), true);
  assert.equal(save("b", "x".repeat(50), store), false);
  assert.equal(load("b", "none", store), "none");
  assert.equal(load("a", 0, store), 1);
});
