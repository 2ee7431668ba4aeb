/**
 * House rules typed into a form (a Slack modal, a Teams card): the raw fields as a candidate policy for
 * zod to validate, with the form-level problems (a rule both off and a tip, a phrase line without its
 * message) named per field. One reading for every surface.
 */
export interface PolicyForm {
  off: string[];
  tip: string[];
  maxBodySentences: string | undefined;
  /** Empty: the deployment's default. */
  followUpAfterDays: string | undefined;
  reminderCap: string | undefined;
  connectorThreshold: string | undefined;
  /** One per line: `phrase => what to say`. */
  phrases: string;
}

export type PolicyFormField = "off" | "tip" | "maxBodySentences" | "followUpAfterDays" | "reminderCap" | "connectorThreshold" | "phrases";

const number = (text: string | undefined): number | string | undefined => {
  const trimmed = text?.trim();
  return trimmed !== undefined && /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

export function readPolicyForm(form: PolicyForm): { candidate: unknown } | { field: PolicyFormField; problem: string } {
  const both = form.off.filter((rule) => form.tip.includes(rule));
  if (both.length) return { field: "tip", problem: `A rule is either off or a tip, not both: ${both.join(", ")}.` };
  const phrases: Array<{ phrase: string; message: string }> = [];
  for (const line of form.phrases.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const [phrase, ...message] = line.split("=>");
    if (!phrase?.trim() || !message.join("=>").trim()) return { field: "phrases", problem: `Write each phrase as "phrase => what to say" (this line isn't: ${line.slice(0, 60)}).` };
    phrases.push({ phrase: phrase.trim().replace(/\s+/g, " "), message: message.join("=>").trim() });
  }
  const days = form.followUpAfterDays?.trim();
  return {
    candidate: {
      rules: Object.fromEntries([...form.off.map((r) => [r, "off"]), ...form.tip.map((r) => [r, "tip"])]),
      maxBodySentences: number(form.maxBodySentences),
      followUpAfterDays: days ? number(days) : null,
      reminderCap: number(form.reminderCap),
      connectorThreshold: number(form.connectorThreshold),
      phrases,
    },
  };
}

/** The form field a zod problem (`maxBodySentences: Too big…`) belongs to. */
export function fieldOfProblem(problem: string): PolicyFormField {
  const path = problem.split(/[.:]/)[0] ?? "";
  return path === "rules" ? "off" : (["maxBodySentences", "followUpAfterDays", "reminderCap", "connectorThreshold", "phrases"] as const).find((f) => f === path) ?? "phrases";
}

export const phraseLines = (phrases: ReadonlyArray<{ phrase: string; message: string }>): string => phrases.map((p) => `${p.phrase} => ${p.message}`).join("\n");
