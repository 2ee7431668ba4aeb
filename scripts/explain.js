#!/usr/bin/env node
// Developer aid: shows which signals fire on a corpus item (by id) or a text, with the matched text.
const fs = require("fs");
const path = require("path");
const arg = process.argv.slice(2).join(" ");
if (!arg.trim()) {
  process.stderr.write('Usage: node scripts/explain.js <corpus id, e.g. d012 | "draft text">\nShows which engine signals fire on the draft, with the matched text (run `npm run build` first).\n');
  process.exit(2);
}
const engine = path.join(__dirname, "..", "dist", "src", "core", "engine");
if (!fs.existsSync(path.join(engine, "signals.js"))) {
  process.stderr.write("explain: dist/ is missing; run `npm run build` first.\n");
  process.exit(1);
}
const signals = require(path.join(engine, "signals.js"));
const { analyse } = require(path.join(engine, "text.js"));
const { review } = require(path.join(engine, "..", "review.js"));
const corpus = "../shared/corpus/dev.jsonl";
let text = arg;
if (/^d\d+$/.test(arg)) {
  const item = fs.existsSync(corpus) ? fs.readFileSync(corpus, "utf8").split("\n").filter(Boolean).map(JSON.parse).find((x) => x.id === arg) : undefined;
  if (!item) {
    process.stderr.write(`explain: no item ${arg} in ${corpus} (run from the repository's root, beside ../shared).\n`);
    process.exit(2);
  }
  text = item.text;
}
const doc = analyse(text);
console.log(text, "\n---\nkind:", review(text).kind, " body sentences:", doc.bodySentences.length);
for (const [name, fn] of Object.entries(signals)) {
  if (typeof fn !== "function" || fn.length !== 1) continue;
  const span = fn(doc);
  if (span) console.log(`  ${name.padEnd(20)} ${JSON.stringify(text.slice(span.start, span.end))}`);
}
