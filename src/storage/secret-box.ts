/**
 * Secrets at rest (Slack bot tokens in stored installations): AES-256-GCM with a key derived from
 * ASKWELL_SECRET_KEY. Each value is bound to its row (the additional data), so a ciphertext copied onto
 * another workspace's row does not open. Values stored before encryption (plain JSON) still open as
 * they are; `isSealed` tells them apart so start-up can re-store them sealed.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

const PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretBox {
  seal(plain: string, boundTo: string): string;
  /** Opens a sealed value; a plain (never sealed) value comes back unchanged. Throws on a wrong key or tampering. */
  open(stored: string, boundTo: string): string;
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

export function secretBox(secretKey: string): SecretBox {
  const key = scryptSync(secretKey, "askwell:secrets-at-rest:v1", 32);
  return {
    seal(plain, boundTo) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(boundTo, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    },
    open(stored, boundTo) {
      if (!isSealed(stored)) return stored;
      const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(boundTo, "utf8"));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    },
  };
}
