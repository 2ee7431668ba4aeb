/** `npm run bench`: every benchmark that needs no chat platform, printing figures (never pass/fail). */
import { benchCliMemory, printCliMemory } from "./cli-memory";
import { benchEngine } from "./engine";
import { benchTracker } from "./tracker";

async function main(): Promise<void> {
  benchEngine();
  console.log("");
  await benchTracker();
  console.log("");
  printCliMemory(await benchCliMemory());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
