/**
 * Preloaded (`node -r`) into the process the CLI benchmark measures: at exit, writes the process's peak
 * RSS in KB (getrusage's maxrss, what `/usr/bin/time -v` reports) to the file ASKWELL_PEAK_RSS_FILE names.
 */
import { writeFileSync } from "node:fs";

const file = process.env.ASKWELL_PEAK_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
