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

/**
 * What a sentence's features hold whatever its place in the draft: its hashed words and the cues
 * about its shape. A rewrite weighs the same sentence at more than one place (a long draft is cut
 * twice), so it works this out once per sentence.
 */
export interface KeySentenceShape {
  buckets: Int32Array;
  /** The shape cues that come before "last" (words, names), and those after it. */
  cuesBeforeLast: string[];
  cuesAfterLast: string[];
  /** A signature's contact line or legal small print: no sentence of the sender's. */
  signature: boolean;
}

export function keySentenceShape(raw: string, norm: string, bits: number): KeySentenceShape {
  const words = raw.split(/\s+/).filter(Boolean);
  const capitalised = words.slice(1).filter((w) => /^[\p{Lu}]/u.test(w)).length;
  const cuesAfterLast: string[] = [];
  if (/\d/.test(raw)) cuesAfterLast.push("figure");
  if (raw.includes("?")) cuesAfterLast.push("question");
  if (/@|https?:|<[@#]/.test(raw)) cuesAfterLast.push("address");
  const contactLine = isContactLine(raw);
  const boilerplate = BOILERPLATE.test(raw);
  if (contactLine) cuesAfterLast.push("contact-line");
  if (boilerplate) cuesAfterLast.push("boilerplate");
  return {
    buckets: gramBuckets(tokens(norm), [], bits),
    cuesBeforeLast: [`words:${bucket(words.length, [6, 15, 30])}`, `names:${Math.min(capitalised, 4)}`],
    cuesAfterLast,
    signature: contactLine || boilerplate,
  };
}

/** The features of a sentence of this shape at `position` of `count`. */
export function keySentenceFeaturesAt(shape: KeySentenceShape, position: number, count: number, bits: number): FeatureVector {
  const cues = [`at:${Math.min(position, 4)}`, `part:${Math.floor((4 * position) / Math.max(1, count))}`, `of:${bucket(count, [4, 8, 16])}`, ...shape.cuesBeforeLast];
  if (position === count - 1) cues.push("last");
  cues.push(...shape.cuesAfterLast);
  return vectoriseBuckets(shape.buckets, cues.map((c) => "key:" + c), bits);
}

/** The features of one sentence (`raw` as the rewrite holds it, `norm` its normalised text) at `position` of `count`. */
export function keySentenceFeatures(raw: string, norm: string, position: number, count: number, bits: number): FeatureVector {
  return keySentenceFeaturesAt(keySentenceShape(raw, norm, bits), position, count, bits);
}

/** The chance that a sentence carries one of the draft's key facts. */
export function keyFactChance(model: KeySentenceModel, features: FeatureVector): number {
  let z = model.bias;
  for (let i = 0; i < features.index.length; i++) z += model.weights[features.index[i]!]! * features.value[i]!;
  return sigmoid(z);
}
