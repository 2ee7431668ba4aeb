/** `askwell policy …`: the local workspace's house rules (the console and the CLI share them). */
import { describeHouseRules, type LimitKey, type PolicyEdit, type RuleSetting } from "../core/house-rules";
import { RULE_IDS, type RuleId } from "../core/types";
import type { TeamService, workspaceOf } from "../team/team-service";
import type { Command } from "commander";
import type { CliIo } from "./io";
import { action, subcommand, type ProgramState } from "./program";

const HELP = `Usage:
  askwell policy show [--json]                  the house rules of your local workspace
  askwell policy history                        who changed what, when
  askwell policy disable <rule> [--tip]         turn a rule off (or, with --tip, make it a tip)
  askwell policy enable <rule>                  back to the contract's severity
  askwell policy set <setting> <value>          settings:
      max-sentences 3–8          body sentences before too-long fires (default 5)
      follow-up-days 1–60|default days before the follow-up reminder
      reminder-cap 0–2           reminders per ask (0 none, 1 follow-up only, 2 also "silence means no")
      connector-threshold 1–20   open intro requests to one person before a new one gets a notice (default 2)
      <rule> on|off|tip          the same as enable/disable
  askwell policy phrase add "<phrase>" --message "<what to say>"
  askwell policy phrase remove "<phrase>"

Changes apply to the next review; the console chat and \`askwell review\` use the same rules.
Rules: ${RULE_IDS.join(", ")}`;

const SETTINGS: Record<string, LimitKey> = {
  "max-sentences": "maxBodySentences",
  "follow-up-days": "followUpAfterDays",
  "reminder-cap": "reminderCap",
  "connector-threshold": "connectorThreshold",
};

const isRule = (value: string | undefined): value is RuleId => (RULE_IDS as readonly string[]).includes(value ?? "");

/** The edit a command line asks for, or a message saying what is wrong with it. */
export function policyEditFrom(positionals: string[], values: { tip?: boolean; message?: string }): PolicyEdit | string {
  const [sub, first, second] = positionals;
  const ruleProblem = (rule: string | undefined) => `${rule ? `"${rule}" is not a rule` : "name the rule"}. Rules: ${RULE_IDS.join(", ")}`;
  switch (sub) {
    case "disable":
      return isRule(first) ? { type: "rule", rule: first, setting: values.tip ? "tip" : "off" } : ruleProblem(first);
    case "enable":
      return isRule(first) ? { type: "rule", rule: first, setting: "on" } : ruleProblem(first);
    case "set": {
      if (isRule(first)) {
        if (second !== "on" && second !== "off" && second !== "tip") return `say on, off or tip: askwell policy set ${first} off`;
        return { type: "rule", rule: first, setting: second as RuleSetting };
      }
      const key = SETTINGS[first ?? ""];
      if (!key) return `unknown setting "${first ?? ""}"; settings: ${Object.keys(SETTINGS).join(", ")} or a rule id`;
      if (second === undefined) return `give a value: askwell policy set ${first} <value>`;
      if (key === "followUpAfterDays" && second === "default") return { type: "limit", key, value: null };
      if (!/^\d+$/.test(second)) return `${first} must be a whole number (got "${second}")`;
      return { type: "limit", key, value: Number(second) };
    }
    case "phrase": {
      if (first === "add") {
        if (!second?.trim()) return 'give the phrase: askwell policy phrase add "circle back" --message "Say what you need instead."';
        if (!values.message?.trim()) return `say what to show when "${second}" appears, with --message "…"`;
        return { type: "phrase-add", phrase: second, message: values.message };
      }
      if (first === "remove") return second?.trim() ? { type: "phrase-remove", phrase: second } : 'give the phrase: askwell policy phrase remove "circle back"';
      return "use phrase add or phrase remove";
    }
    default:
      return `unknown subcommand "${sub ?? ""}"`;
  }
}

async function run(sub: string, positionals: string[], values: { json?: boolean; tip?: boolean; message?: string }, io: CliIo, team: TeamService, local: { owner: Parameters<typeof workspaceOf>[0]; followUpDays: number }): Promise<number> {
  const { actorId, workspaceOf } = await import("../team/team-service.js");
  const workspace = workspaceOf(local.owner);
  if (sub === "show") {
    const current = await team.currentPolicy(workspace);
    if (!current.ok) return fail(io, current.message, 1);
    if (values.json) io.stdout.write(JSON.stringify(current.value, null, 2) + "\n");
    else io.stdout.write([`House rules of the local workspace (version ${current.value.version}):`, ...describeHouseRules(current.value.policy, local.followUpDays).map((l) => `  ${l}`)].join("\n") + "\n");
    return 0;
  }
  if (sub === "history") {
    const history = await team.policyHistory(workspace);
    if (!history.ok) return fail(io, history.message, 1);
    io.stdout.write((history.value.length ? history.value.map((h) => `v${h.version}  ${h.changedAt.toISOString()}  ${h.changedBy}  ${h.change}`).join("\n") : "No changes yet: every rule as the contract says.") + "\n");
    return 0;
  }
  const edit = policyEditFrom(positionals, values);
  if (typeof edit === "string") return fail(io, `${edit}\n\n${HELP}`);
  const changed = await team.changePolicy(workspace, actorId(local.owner), [edit], new Date());
  if (!changed.ok) return fail(io, changed.message, changed.code === "storage_unavailable" ? 1 : 2);
  io.stdout.write(`House rules v${changed.value.version}: ${changed.value.change}\n`);
  return 0;
}

function fail(io: CliIo, message: string, code = 2): number {
  io.stderr.write(`askwell policy: ${message}\n`);
  return code;
}

async function policy(io: CliIo, words: string[], values: { json?: boolean; tip?: boolean; message?: string }): Promise<number> {
  const [sub] = words;
  if (!sub) {
    io.stdout.write(HELP + "\n");
    return 2;
  }
  // Loaded when the command runs, like every command's storage: `askwell review` never pays for it.
  const { parseStorageConfig } = await import("../config/storage.js");
  const config = parseStorageConfig(io.env);
  const { openLocalTracker } = await import("../tracker/local.js");
  const local = await openLocalTracker(config);
  try {
    if (!local.team) return fail(io, "house rules need the tracker's database (DATABASE_URL)", 1);
    return await run(sub, words, values, io, local.team, { owner: local.owner, followUpDays: config.policy.followUpAfterDays });
  } finally {
    await local.close();
  }
}

export function definePolicyCommand(program: Command, state: ProgramState): void {
  subcommand(program, "policy", "policy", state)
    .summary("house rules of the local workspace: show, history, set, disable, enable, phrase add|remove")
    .description(HELP)
    .argument("[words...]", "show | history | set <setting> <value> | disable <rule> | enable <rule> | phrase add|remove <phrase>")
    .option("--json", "show: the rules as JSON")
    .option("--tip", "disable: make the rule a tip instead of turning it off")
    .option("--message <text>", "phrase add: what to show when the phrase appears")
    .action(action(state, "policy", (ctx, args, options: { json?: boolean; tip?: boolean; message?: string }) => policy(ctx.io, (args[0] as string[] | undefined) ?? [], options)));
}
