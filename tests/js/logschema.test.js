// The browser's import (parseImport, readPlan) judges the shared log files of
// tests/fixtures/log-files.json as schemas/log.schema.json does (tests/unit/test_log_schema.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseImport } from "../../src/liftheavy/browser/js/logfile.js";
import { readPlan } from "../../src/liftheavy/browser/js/block.js";

const CASES = JSON.parse(readFileSync(new URL("../fixtures/log-files.json", import.meta.url), "utf8"));
const read = (doc) => parseImport(JSON.stringify(doc), "kg", {});

for (const [name, doc] of Object.entries(CASES.valid)) {
  test(`accepted by the schema and read back exactly: ${name}`, () => {
    const found = read(doc);
    assert.equal(found.error, undefined);
    assert.deepEqual(found.sets, doc.sets);
    assert.deepEqual(doc.plan === null ? null : readPlan(found.plan), doc.plan);
  });
}

for (const [name, doc] of Object.entries(CASES.invalid)) {
  test(`refused by the schema and by the import: ${name}`, () => {
    const found = read(doc);
    if (found.error) assert.match(found.error, /^[A-Z][^\n]*\.$/);
    else {
      // Only a bad plan may get past parseImport: the sets are read, the plan is set aside.
      assert.notEqual(doc.plan, null, "the import took a file the schema refuses");
      assert.equal(readPlan(found.plan), null, "the import took a plan the schema refuses");
    }
  });
}

const FIELDS = Object.keys(CASES.valid["a set of reps with its card's target"].sets[0]);
for (const [name, doc] of Object.entries(CASES.schema_only)) {
  test(`read by the import without its extra or missing part: ${name}`, () => {
    const found = read(doc);
    assert.equal(found.error, undefined);
    assert.equal(found.sets.length, doc.sets.length);
    for (const set of found.sets) assert.deepEqual(Object.keys(set), FIELDS);
    assert.equal({}.polluted, undefined);
  });
}
