import type { CliCommand, CliIo } from "./io";
import { commands } from "./commands";

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "askwell — coaching for networking asks (introductions, recommendations, connections)",
    "",
    "Usage: askwell <command> [options]",
    "",
    "Commands:",
    ...commands.map((c: CliCommand) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `askwell <command> --help` for a command's options.",
  ].join("\n");
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage() + "\n");
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`askwell: unknown command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Last line of defence: a short message, never a stack trace (set LOG_LEVEL=debug to see one).
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`askwell ${name}: ${message}\n`);
    if (io.env.LOG_LEVEL === "debug" && error instanceof Error && error.stack) io.stderr.write(error.stack + "\n");
    return 1;
  }
}

export async function main(argv: string[], plugins: Pick<CliIo, "reminderDelivery"> = {}): Promise<void> {
  const code = await runCli(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, ...plugins });
  process.exitCode = code;
}
