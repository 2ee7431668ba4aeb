/**
 * The commander wiring every `askwell` command shares: where help and errors go, one error style
 * (`askwell <command>: <message>`, then where to get help), and actions that return an exit status
 * and never let an exception (or its stack) reach the user.
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { ConfigError } from "../config/config-error";
import { EXIT, fail, type CliIo, type CommandContext } from "./io";

export interface ProgramState {
  io: CliIo;
  /** The command line asked for JSON (--json or --jsonl anywhere): errors are JSON on stdout too. */
  json: boolean;
  exitCode: number;
}

/** Routes a command's help and parse errors through `io`, in Askwell's error style. */
export function configure(command: Command, path: string, state: ProgramState): Command {
  const where = path ? `askwell ${path}` : "askwell";
  return command
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => void state.io.stdout.write(text),
      writeErr: (text) => void state.io.stderr.write(text),
      outputError: (text) => {
        const message = text.trim().replace(/^error: /, "");
        state.io.stderr.write(`${where}: ${message}\nRun \`${where} --help\` for usage.\n`);
        if (state.json) state.io.stdout.write(JSON.stringify({ error: { code: "usage", message } }) + "\n");
      },
    });
}

/** Adds a subcommand configured like its parent. */
export function subcommand(parent: Command, nameAndArgs: string, path: string, state: ProgramState): Command {
  return configure(parent.command(nameAndArgs), path, state);
}

/**
 * A commander action that runs `handler` with the parsed arguments and options and records its exit
 * status. Unexpected errors become one line (the stack only with LOG_LEVEL=debug).
 */
export function action<O extends Record<string, unknown>>(
  state: ProgramState,
  path: string,
  handler: (ctx: CommandContext, args: unknown[], options: O) => Promise<number>,
): (...parsed: unknown[]) => Promise<void> {
  return async (...parsed) => {
    const command = parsed[parsed.length - 1] as Command;
    const options = command.opts<O>();
    const ctx: CommandContext = { io: state.io, path, json: state.json || options.json === true || options.jsonl === true };
    try {
      state.exitCode = await handler(ctx, command.processedArgs, options);
    } catch (error) {
      if (error instanceof ConfigError) {
        state.exitCode = fail(ctx, "config", error.message, EXIT.failed);
        return;
      }
      state.exitCode = fail(ctx, "internal", error instanceof Error ? error.message : String(error), EXIT.failed);
      if (state.io.env.LOG_LEVEL === "debug" && error instanceof Error && error.stack) state.io.stderr.write(error.stack + "\n");
    }
  };
}

/** Exit status for an error commander raised (help and --version are not failures). */
export function exitCodeOf(error: CommanderError): number {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
  return EXIT.badInput;
}

/** `--at`/`--now`: an ISO-8601 instant, refused with the reason (commander prints it). */
export function parseInstantOption(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new InvalidArgumentError("It must be an ISO-8601 time such as 2030-01-10T10:00:00Z.");
  return date;
}

export { CommanderError };
