import type { ChecklistItem, Kind } from "../types";
import type { Evidence } from "./evidence";

/** Seed 003's five questions, answered from the same evidence the rules use. */
export function checklist(e: Evidence, kind: Kind): ChecklistItem[] {
  const isAsk = kind !== "other";
  const selfIntro = /\b(?:i'm|i am|i run|i work|i lead|my name is|we're a|we are a|i recruit|i maintain)\b/.test(e.doc.norm);
  return [
    { id: "who-you-are", question: "Who are you, and how do you know the reader?", present: e.present("sharedContext", "context") || selfIntro },
    { id: "what-you-ask", question: "What exactly are you asking for?", present: isAsk },
    { id: "mutual-help", question: "How can you help each other?", present: e.has("valueForReader") },
    { id: "why-it-matters", question: "Why does it matter to the reader (or the person you'll meet)?", present: e.has("valueForReader") || e.present("statedIntent", "intent") || e.present("workSpecifics", "specifics") },
    { id: "timeline", question: "What is your timeline?", present: e.present("timeFrame", "timeline") },
  ];
}
