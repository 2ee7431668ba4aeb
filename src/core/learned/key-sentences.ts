/**
 * Which sentences of a long draft carry its key facts (who is involved, the organisations, the ask
 * itself), learned from the corpus's `must_keep` labels: a rewrite cut to five sentences keeps
 * these first. A binary linear model over the sentence's hashed words and a few cues about its
 * place and shape, trained by `npm run train` (src/learning/key-sentences.ts) and shipped as data.
 */
import { gramBuckets, tokens, vectoriseBuckets, type FeatureVector } from "./features";
import { decodeBase64, sigmoid } from "./model";

export interface StoredKeySentenceModel {
  format: 1;
  bits: number;
  bias: number;
  /** The value of one quantisation step. */
  scale: number;
  /** Int16 per bucket, little-endian, base64. */
  weights: string;
  /** How the weights were made: corpus files and their hashes, seed, settings, held-out figures. */
  trainedOn: unknown;
}

export interface KeySentenceModel {
  bits: number;
  bias: number;
  weights: Float32Array;
}

export function decodeKeySentenceModel(stored: StoredKeySentenceModel): KeySentenceModel {
  const bytes = decodeBase64(stored.weights);
  if (bytes.length !== 2 << stored.bits) throw new Error("key-sentence weights: size does not match bits");
  const weights = new Float32Array(1 << stored.bits);
  for (let i = 0; i < weights.length; i++) {
    const raw = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
    weights[i] = (raw >= 0x8000 ? raw - 0x10000 : raw) * stored.scale;
  }
  return { bits: stored.bits, bias: stored.bias, weights };
}

const CONTACT_DETAIL = /<[^>\s]+>|https?:\/\/\S+|\S+@\S+|\+?\(?\d[\d\s()./-]{5,}\d|\b(?:tel|telephone|phone|ph|fax|telecopy|cell|mobile|office|home|direct|work|ext|e-?mail|web|www|[tfemw])\b\.?\s*[:#]?/gi;

/** A signature's line of contact details and their labels ("Fax: 310-789-7350.", "E: jo@x.com"), with hardly a word of its own. */
export function isContactLine(text: string): boolean {
  if (!/\d{3}|@|https?:/.test(text)) return false;
  const rest = text.replace(CONTACT_DETAIL, " ").match(/\p{L}{2,}/gu) ?? [];
  return rest.length < 3;
}

/** Legal footers and mailing-list small print. */
export const BOILERPLATE = /\b(?:intended only for the (?:person|addressee|use)|(?:received|receive) this (?:e-?mail|message|communication) in error|confidential and(?:\/or)? privileged|to unsubscribe|unsubscribe\b|you are (?:currently )?(?:registered|subscribed)|this (?:e-?mail|message) (?:and any attachments )?(?:is|may be) confidential)/i;

const bucket = (n: number, limits: readonly number[]): number => {
  let i = 0;
  while (i < limits.length && n >= limits[i]!) i++;
  return i;
};

/** The cues about a sentence's place and shape: position, length, names, figures, contact details. */
function cuesOf(raw: string, position: number, count: number): string[] {
  const words = raw.split(/\s+/).filter(Boolean);
  const capitalised = words.slice(1).filter((w) => /^[\p{Lu}]/u.test(w)).length;
  const cues = [`at:${Math.min(position, 4)}`, `part:${Math.floor((4 * position) / Math.max(1, count))}`, `of:${bucket(count, [4, 8, 16])}`, `words:${bucket(words.length, [6, 15, 30])}`, `names:${Math.min(capitalised, 4)}`];
  if (position === count - 1) cues.push("last");
  if (/\d/.test(raw)) cues.push("figure");
  if (raw.includes("?")) cues.push("question");
  if (/@|https?:|<[@#]/.test(raw)) cues.push("address");
  if (isContactLine(raw)) cues.push("contact-line");
  if (BOILERPLATE.test(raw)) cues.push("boilerplate");
  return cues;
}

/** The features of one sentence (`raw` as the rewrite holds it, `norm` its normalised text) at `position` of `count`. */
export function keySentenceFeatures(raw: string, norm: string, position: number, count: number, bits: number): FeatureVector {
  return vectoriseBuckets(gramBuckets(tokens(norm), [], bits), cuesOf(raw, position, count).map((c) => "key:" + c), bits);
}

/** The chance that a sentence carries one of the draft's key facts. */
export function keyFactChance(model: KeySentenceModel, features: FeatureVector): number {
  let z = model.bias;
  for (let i = 0; i < features.index.length; i++) z += model.weights[features.index[i]!]! * features.value[i]!;
  return sigmoid(z);
}
