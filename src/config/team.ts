/** Who may change a workspace's house rules beyond its platform admins: ASKWELL_ADMINS, platform-neutral ids. */
import { z } from "zod";
import { parseSection, type Env } from "./env";

const ADMIN_ID = /^(slack|teams|console|cli):[^:\s]+:[^\s,]+$/;

const schema = z.object({
  ASKWELL_ADMINS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((id) => id.trim()).filter(Boolean))
    .refine((ids) => ids.every((id) => ADMIN_ID.test(id)), { message: "must be comma-separated ids such as slack:T0123:U0456 or teams:<tenant id>:<user id>" }),
});

export interface TeamConfig {
  /** Platform-neutral user ids (`slack:T1:U1`, `teams:<tenant>:<aad id>`) allowed to change house rules. */
  admins: string[];
}

export function parseTeamConfig(env: Env): TeamConfig {
  return { admins: parseSection(schema, env, { ASKWELL_ADMINS: "slack:T0123:U0456,teams:<tenant>:<user>" }).ASKWELL_ADMINS };
}
