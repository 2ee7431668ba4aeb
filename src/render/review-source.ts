import type { ReviewResult } from "../core/types";

/**
 * A few words on who reviewed what, for a review the model took part in; null for a rules-only review.
 * e.g. "AI review, refereed by the rules · kind and 2 findings from the AI · 1 rules' finding overruled"
 */
export function reviewSourceLine(result: ReviewResult): string | null {
  if (!result.kindSource) return null;
  const fromModel = result.findings.filter((f) => f.source === "model").length;
  const overruled = result.overruled?.length ?? 0;
  const parts: string[] = [];
  const findings = fromModel ? `${fromModel} finding${fromModel === 1 ? "" : "s"}` : "";
  if (result.kindSource === "model") parts.push(findings ? `kind and ${findings} from the AI` : "kind from the AI");
  else if (findings) parts.push(`${findings} from the AI`);
  if (overruled) parts.push(`${overruled} rules' finding${overruled === 1 ? "" : "s"} overruled`);
  if (!parts.length) parts.push("the AI agreed with the rules");
  return ["AI review, refereed by the rules", ...parts].join(" · ");
}
