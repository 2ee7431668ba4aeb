/** The models shipped with Askwell (src/core/learned/weights.json, written by `npm run train`), decoded once. */
import stored from "./weights.json";
import { decodeWeights, type LearnedModels, type StoredWeights } from "./model";

let decoded: LearnedModels | null | undefined;

export function defaultModels(): LearnedModels | null {
  if (decoded === undefined) decoded = (stored as { format?: number }).format === 2 ? decodeWeights(stored as unknown as StoredWeights) : null;
  return decoded;
}
