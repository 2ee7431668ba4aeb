#!/usr/bin/env -S node --max-semi-space-size=2 --heap-growing-percent=50
// Runs the compiled CLI; `npm install` builds dist/ through the "prepare" script.
// The flags bound V8's heap for a long `review --jsonl` batch at no measurable CPU cost: the young
// generation stays at 2 MB per semi-space (instead of growing to 16), and the old generation is
// collected once it grows by half (instead of up to 4×, which lets a batch's garbage pile up). On 8,000
// drafts the peak drops from ~135 MB to ~92 MB (with the CLI not loading zod). `node bin/askwell.js`
// works too, without them.
require("../dist/adapters/cli.js").main(process.argv.slice(2));
