#!/usr/bin/env node
// Developer aid: shows which signals fire on a corpus item (by id) or a text, with the matched text.
const fs = require("fs");
const signals = require("../dist/src/core/engine/signals.js");
const { analyse } = require("../dist/src/core/engine/text.js");
const { classify } = require("../dist/src/core/engine/classify.js");
const arg = process.argv[2];
const corpus = "../shared/corpus/dev.jsonl";
let text = arg;
if (/^d\d+$/.test(arg) && fs.existsSync(corpus)) text = fs.readFileSync(corpus, "utf8").split("\n").filter(Boolean).map(JSON.parse).find((x) => x.id === arg).text;
const doc = analyse(text);
console.log(text, "\n---\nkind:", classify(doc), " body sentences:", doc.bodySentences.length);
for (const [name, fn] of Object.entries(signals)) {
  if (typeof fn !== "function" || fn.length !== 1) continue;
  const span = fn(doc);
  if (span) console.log(`  ${name.padEnd(20)} ${JSON.stringify(text.slice(span.start, span.end))}`);
}
