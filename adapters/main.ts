/**
 * `npm start`: picks the platform from the environment and starts it.
 * Slack variables set → Slack; TEAMS_ENABLED → Teams; otherwise the console chat.
 * `--demo` (`npm run demo`): the console chat on a throw-away database and user, whatever is configured.
 */
import { config as loadDotenv } from "dotenv";
import { startDemo } from "./console/demo";
import { startConsole } from "./console/start";
import { startSlack, stopOnSignals } from "./slack/start";
import { startTeams } from "./teams/start";
import { ConfigError } from "../src/config/env";
import { isSlackConfigured } from "../src/config/slack";
import { parseTeamsConfig } from "../src/config/teams";
import { createLogger } from "../src/logger";

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const env = process.env;
  // Logs go to stderr so the console chat owns stdout.
  const logger = createLogger({ level: env.LOG_LEVEL ?? "warn", destination: process.stderr });
  try {
    if (process.argv.includes("--demo")) {
      await startDemo({ env, input: process.stdin, output: process.stdout, logger });
      return;
    }
    // Slack and Teams start-up branches go here, before the console fallback.
    const teamsEnabled = parseTeamsConfig(env).enabled;
    if (isSlackConfigured(env)) {
      const slack = await startSlack({ env, logger });
      // Both configured: Teams mounts POST /api/messages on Slack's HTTP server.
      let teams: Awaited<ReturnType<typeof startTeams>> | null = null;
      try {
        teams = teamsEnabled ? await startTeams({ env, logger, shared: slack }) : null;
      } catch (error) {
        await slack.stop();
        throw error;
      }
      const stopBoth = async () => {
        await teams?.stop();
        await slack.stop();
      };
      stopOnSignals({ ...slack, stop: stopBoth }, logger);
      return;
    }
    if (teamsEnabled) {
      stopOnSignals(await startTeams({ env, logger }), logger);
      return;
    }
    await startConsole({ env, input: process.stdin, output: process.stdout, logger });
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, "start-up failed");
      process.stderr.write(`askwell: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  }
}

void main();
