#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds dist/ through the "prepare" script.
require("../dist/adapters/cli.js").main(process.argv.slice(2));
