import { Command, CommanderError } from "commander";
import { EXIT, type CliIo } from "./io";
import { configure, exitCodeOf, type ProgramState } from "./program";
import { packageVersion } from "./version";
import { defineReviewCommand } from "./review-command";
import { defineAsksCommand } from "./asks-command";
import { defineRemindersCommand } from "./reminders-command";
import { definePromptsCommand } from "./prompts-command";
import { definePolicyCommand } from "./policy-command";
import { defineInsightsCommand } from "./insights-command";

const FOOTER = `
Run \`askwell <command> --help\` for a command's options and examples.

Exit status: 0 done, 1 could not run (storage or delivery failed), 2 bad input or usage,
3 refused (no such ask, or not in a state that allows it).`;

/** The `askwell` program: commands are declared here, their work is loaded only when one runs. */
function buildProgram(state: ProgramState): Command {
  const program = configure(new Command("askwell"), "", state)
    .description("askwell — coaching for networking asks (introductions, recommendations, connections)")
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addHelpText("after", FOOTER);
  defineReviewCommand(program, state);
  defineAsksCommand(program, state);
  definePromptsCommand(program, state);
  definePolicyCommand(program, state);
  defineInsightsCommand(program, state);
  defineRemindersCommand(program, state);
  return program;
}

/** Runs one command line; returns the exit status. Never throws, never prints a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const state: ProgramState = { io, json: argv.includes("--json") || argv.includes("--jsonl"), exitCode: EXIT.ok };
  try {
    await buildProgram(state).parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return exitCodeOf(error);
    io.stderr.write(`askwell: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}

/**
 * A reader that goes away (`askwell --help | head`) ends the output quietly, as with any Unix tool:
 * a broken pipe is not an error to report, and never a stack trace.
 */
function quietWhenTheReaderLeaves(stream: NodeJS.WriteStream): { failed(): boolean } {
  let failed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return;
    failed = true;
    process.stderr.write(`askwell: could not write the output (${error.code ?? error.message})\n`);
    process.exitCode = EXIT.failed;
  });
  return { failed: () => failed };
}

export async function main(argv: string[], plugins: Pick<CliIo, "reminderDelivery"> = {}): Promise<void> {
  const output = quietWhenTheReaderLeaves(process.stdout);
  const code = await runCli(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, ...plugins });
  process.exitCode = output.failed() ? EXIT.failed : code;
}
