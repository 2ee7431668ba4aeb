/**
 * A fingerprint of a draft that survives personalisation: mentions, the greeting line and names
 * (capitalised words) are removed before hashing, so the same ask sent to many people matches.
 * Only the fingerprint is stored by default, never the text.
 */

const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>|<at>[^<]*<\/at>|@[\w.-]+/g;
const GREETING_LINE = /^\s*(hi|hello|hey|dear|hiya|good (morning|afternoon|evening))\b[^\n]{0,60}$/i;

export function normaliseForFingerprint(text: string): string {
  const lines = text.replace(MENTION, " ").split(/\r?\n/);
  const firstTextLine = lines.findIndex((line) => line.trim() !== "");
  if (firstTextLine >= 0 && GREETING_LINE.test(lines[firstTextLine]!)) lines.splice(firstTextLine, 1);
  return lines
    .join(" ")
    .replace(/\p{Lu}[\p{L}'’-]*/gu, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

export function draftFingerprint(text: string): string {
  return fnv1a64(normaliseForFingerprint(text));
}
