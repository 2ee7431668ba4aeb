import type { CliCommand } from "./io";
import { reviewCommand } from "./review-command";

/** Every `askwell` subcommand, in the order `askwell --help` lists them. One entry per command module. */
export const commands: CliCommand[] = [reviewCommand];
