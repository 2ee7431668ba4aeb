/** How a review shows that the team's house rules changed its advice, the same on every surface. */
import type { HouseNote, ReviewResult } from "../core/types";

/** Team phrases first (they point at words), then rules turned off, made tips, or judged by the team's limit. */
export function houseNoteLines(result: Pick<ReviewResult, "house">): string[] {
  const notes: HouseNote[] = result.house ?? [];
  return [...notes.filter((n) => n.change === "phrase"), ...notes.filter((n) => n.change !== "phrase")].map((n) => n.message);
}

export const HOUSE_RULES_HEADING = "House rules";
