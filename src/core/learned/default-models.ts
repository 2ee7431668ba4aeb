/** The models shipped with Askwell (src/core/learned/weights.json, written by `npm run train`), decoded once. */
import stored from "./weights.json";
import storedKeySentences from "./key-sentences.json";
import { decodeWeights, type LearnedModels, type StoredWeights } from "./model";
import { decodeKeySentenceModel, type StoredKeySentenceModel } from "./key-sentences";

let decoded: LearnedModels | null | undefined;

export function defaultModels(): LearnedModels | null {
  if (decoded === undefined) {
    decoded = (stored as { format?: number }).format === 2 ? decodeWeights(stored as unknown as StoredWeights) : null;
    if (decoded && (storedKeySentences as { format?: number }).format === 1) decoded.keySentences = decodeKeySentenceModel(storedKeySentences as unknown as StoredKeySentenceModel);
  }
  return decoded;
}
