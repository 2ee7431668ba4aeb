/** `npm start` with no Slack or Teams configuration: the console chat over the local store. */
import { parseStorageConfig } from "../../src/config/storage";
import type { Env } from "../../src/config/env";
import type { Logger } from "../../src/logger";
import { rulesOnlyReviewService, type ReviewService } from "../../src/review-service";
import { openLocalTracker } from "../../src/tracker/local";
import { startReminderRunner } from "../../src/tracker/runner";
import { LOCAL_PLATFORMS } from "../../src/cli/io";
import { consoleDelivery, runConsoleChat } from "./chat";

export async function startConsole(options: {
  env: Env;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  logger: Logger;
  reviews?: ReviewService;
}): Promise<void> {
  const config = parseStorageConfig(options.env);
  const local = await openLocalTracker(config, options.logger);
  // Reminders that fall due while the chat is open appear as bot messages (real clock).
  const runner = startReminderRunner(local.tracker, consoleDelivery(options.output), {
    intervalMs: config.reminderIntervalMs,
    leaseMs: config.reminderLeaseMs,
    logger: options.logger,
    platforms: LOCAL_PLATFORMS,
  });
  try {
    await runConsoleChat({
      input: options.input,
      output: options.output,
      interactive: options.input.isTTY === true,
      tracker: local.tracker,
      insights: local.insights,
      reviews: options.reviews ?? rulesOnlyReviewService(),
      owner: local.owner,
      timeZone: config.localTimeZone,
      leaseMs: config.reminderLeaseMs,
    });
  } finally {
    await runner.stop();
    await local.close();
  }
}
