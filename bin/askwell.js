#!/usr/bin/env -S node --max-semi-space-size=2
// Runs the compiled CLI; `npm install` builds dist/ through the "prepare" script.
// The flag keeps V8's young generation at 2 MB per semi-space (instead of growing to 16): a long
// `review --jsonl` batch then peaks about 25 MB lower, at no measurable CPU cost. Plain
// `node bin/askwell.js` works too, without it.
require("../dist/adapters/cli.js").main(process.argv.slice(2));
