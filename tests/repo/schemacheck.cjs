// Judge schemas/*.json as JavaScript tools do (test_editors.py): reads
// {schemas: {name: schema}, documents: [{file, schema, data}]} on stdin and prints
// {patterns, bad_patterns, compile_errors, invalid} as JSON.
// - every `pattern` must compile as an ECMAScript regular expression with the `u` flag
//   (how ajv and editors compile it);
// - every schema must compile with ajv's draft 2020-12 build, with ajv's default (strict)
//   options;
// - every document is validated against its schema (`format` is informational here: the
//   schemas pair each `format` with a `pattern`).
"use strict";
const Ajv2020 = require("ajv/dist/2020");

const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = { patterns: 0, bad_patterns: [], compile_errors: {}, invalid: {} };

function walk(node, path, name) {
  if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}/${i}`, name));
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "pattern" && typeof value === "string" && !path.endsWith("/properties")) {
      out.patterns += 1;
      try {
        new RegExp(value, "u");
      } catch (error) {
        out.bad_patterns.push(`${name}.schema.json ${path}/pattern: ${error.message}`);
      }
    }
    walk(value, `${path}/${key}`, name);
  }
}

const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
const validators = {};
for (const [name, schema] of Object.entries(input.schemas)) {
  walk(schema, "#", name);
  try {
    validators[name] = ajv.compile(schema);
  } catch (error) {
    out.compile_errors[name] = error.message;
  }
}
for (const document of input.documents) {
  const validate = validators[document.schema];
  if (!validate) continue;
  out.invalid[document.file] = validate(document.data)
    ? []
    : validate.errors.map((e) => ({ path: e.instancePath, keyword: e.keyword, message: e.message }));
}
process.stdout.write(JSON.stringify(out));
