/**
 * `npm start`: picks the platform from the environment and starts it.
 * Slack variables set → Slack; TEAMS_ENABLED → Teams; otherwise the console chat.
 * `--demo` (`npm run demo`): the console chat on a throw-away database and user, whatever is configured.
 * Each platform's code is loaded only when it runs: a Slack server never holds the Teams SDK (botbuilder
 * and Azure's libraries) or the console in memory.
 */
import { config as loadDotenv } from "dotenv";
import { ConfigError } from "../src/config/env";
import { isSlackConfigured, parseSlackConfig } from "../src/config/slack";
import { parseStorageConfig } from "../src/config/storage";
import { parseTeamsConfig } from "../src/config/teams";
import { createLogger, type Logger } from "../src/logger";

/** The one start-up line a server logs at the default level: what runs, where, on which database. */
function logStarted(logger: Logger, env: NodeJS.ProcessEnv, platforms: string[], port: number): void {
  const slackMode = platforms.includes("slack") ? parseSlackConfig(env).mode : undefined;
  logger.info({ platforms, ...(slackMode ? { slackMode } : {}), port, database: parseStorageConfig(env).database.dialect }, "askwell started");
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const env = process.env;
  let logger = createLogger({ level: env.LOG_LEVEL?.trim() || "warn", destination: process.stderr });
  try {
    if (process.argv.includes("--demo")) {
      const { startDemo } = await import("./console/demo.js");
      await startDemo({ env, input: process.stdin, output: process.stdout, logger });
      return;
    }
    const teamsEnabled = parseTeamsConfig(env).enabled;
    const server = isSlackConfigured(env) || teamsEnabled;
    // Logs go to stderr so the console chat owns stdout; a server says it started (info), the console stays quiet (warn).
    logger = createLogger({ level: env.LOG_LEVEL?.trim() || (server ? "info" : "warn"), destination: process.stderr });
    if (isSlackConfigured(env)) {
      const { startSlack, stopOnSignals } = await import("./slack/start.js");
      const slack = await startSlack({ env, logger });
      // Both configured: Teams mounts POST /api/messages on Slack's HTTP server.
      let teams: { stop(): Promise<void> } | null = null;
      try {
        if (teamsEnabled) teams = await (await import("./teams/start.js")).startTeams({ env, logger, shared: slack });
      } catch (error) {
        await slack.stop();
        throw error;
      }
      const stopBoth = async () => {
        await teams?.stop();
        await slack.stop();
      };
      stopOnSignals({ ...slack, stop: stopBoth }, logger);
      logStarted(logger, env, teams ? ["slack", "teams"] : ["slack"], slack.port);
      return;
    }
    if (teamsEnabled) {
      const [{ startTeams }, { stopOnSignals }] = await Promise.all([import("./teams/start.js"), import("./slack/start.js")]);
      const teams = await startTeams({ env, logger });
      stopOnSignals(teams, logger);
      logStarted(logger, env, ["teams"], teams.port);
      return;
    }
    const { startConsole } = await import("./console/start.js");
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
