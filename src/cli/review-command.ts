import type { CliCommand } from "./io";

export const reviewCommand: CliCommand = {
  name: "review",
  summary: "review a draft ask (argument or stdin); --json, --jsonl for batches",
  async run(_args, io) {
    io.stderr.write("askwell review: not built yet\n");
    return 1;
  },
};
