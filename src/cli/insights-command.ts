/** `askwell insights`: the local workspace's monthly figures (the console and the CLI share them). */
import { InvalidArgumentError, Option, type Command } from "commander";
import { monthOf, parseMonth } from "../core/insights";
import { EXIT, fail, printJson, type CommandContext } from "./io";
import { action, subcommand, type ProgramState } from "./program";

const DESCRIPTION = `What the team learns, per month: reviews by verdict, the most frequent findings, how often a
rewrite was used, follow-ups sent and advised against, and how often each rule was marked
"Not applicable" (a rule that misfires for your team). Counts only: no draft text, no names.
The local workspace is the console chat's and the CLI's (DATABASE_URL).`;

const EXAMPLES = `
Examples:
  askwell insights                     this month (UTC)
  askwell insights --month 2030-01     another month
  askwell insights --json              the figures as JSON`;

function monthOption(value: string): string {
  const month = parseMonth(value);
  if (!month) throw new InvalidArgumentError("It must be a month as YYYY-MM, e.g. 2030-01.");
  return month;
}

async function insights(ctx: CommandContext, month: string): Promise<number> {
  const { openCommandTracker } = await import("./local-store.js");
  const { workspaceOf } = await import("../team/team-service.js");
  const { renderInsightsText } = await import("../render/insights.js");
  const local = await openCommandTracker(ctx.io.env, { createIfMissing: false });
  try {
    if (!local.insights) return fail(ctx, "storage_unavailable", "insights need the tracker's database (DATABASE_URL).", EXIT.failed);
    const report = await local.insights.report(workspaceOf(local.owner), month);
    if (!report.ok) return fail(ctx, report.code, report.message, report.code === "storage_unavailable" ? EXIT.failed : EXIT.badInput);
    if (ctx.json) return printJson(ctx, report.value);
    ctx.io.stdout.write(renderInsightsText(report.value) + "\n");
    return EXIT.ok;
  } finally {
    await local.close();
  }
}

export function defineInsightsCommand(program: Command, state: ProgramState): void {
  subcommand(program, "insights", "insights", state)
    .summary("the local workspace's figures for a month: verdicts, findings, rewrites, follow-ups, \"Not applicable\"")
    .description(DESCRIPTION)
    .addOption(new Option("--month <YYYY-MM>", "the month (UTC; default: this month)").argParser(monthOption))
    .option("--json", "print the figures as JSON")
    .addHelpText("after", EXAMPLES)
    .action(action(state, "insights", (ctx, _args, options: { month?: string; json?: boolean }) => insights(ctx, options.month ?? monthOf(new Date()))));
}
