/**
 * Is the draft written in English? Askwell's etiquette and models are English-only for now, so a
 * draft in another language is told so rather than scored as if it said nothing.
 * Judged from the script of its letters and from common function words, which every sentence of
 * a language is full of and which rarely cross between languages.
 */

const ENGLISH = new Set(
  "the and to you your i me my of a an in is it for that this on with be are was have would could can will we our at as if not do just so but or from about know let thanks please".split(" "),
);

/** Function words of other languages Askwell's users write in (Latin script); none is an English word. */
const OTHER = new Set(
  [
    // Spanish, Portuguese, Italian
    "el la los las que de del por para una uno es muy pero como est\u00e1 estoy usted ustedes gracias hola nos tu su sus mi quiero podr\u00edas puedes conocer presentar saludos o\u00e1 voc\u00ea n\u00e3o obrigado ol\u00e1 uma com para seu sua gostaria poderia il di che non sono della grazie ciao vorrei potresti",
    // French, German, Dutch
    "le les des est et pour vous je nous une avec sur pas bonjour merci cordialement serait pourriez-vous pourriez der das und ich sie nicht mit f\u00fcr ist ein eine auf bitte danke gr\u00fc\u00dfe k\u00f6nnten w\u00fcrde het een ik je niet met voor zijn bedankt groeten",
    // Hindi and Urdu in Latin script
    "kya aap mujhe hai hain ho ke ki se mera meri kar sakte sakti bhai ji nahi haan aur",
  ]
    .join(" ")
    .split(" "),
);

export type Language = "en" | "other";

export function languageOf(text: string): Language {
  // Counted character by character with a table for ASCII: this runs on every draft, up to 50,000
  // characters, and a Unicode regex per letter (or per run of letters) cost more than the check.
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (ASCII_LETTER[code]) {
        letters++;
        latin++;
      }
      i++;
      continue;
    }
    const point = text.codePointAt(i)!;
    const size = point > 0xffff ? 2 : 1;
    if (LETTER.test(String.fromCodePoint(point))) {
      letters++;
      if (size === 1 && code >= 0xc0 && code <= 0x24f) latin++;
    }
    i += size;
  }
  if (letters < 12) return "en";
  if (latin / letters < 0.6) return "other";
  let english = 0;
  let other = 0;
  const lower = text.toLowerCase();
  // The words (runs of letters, apostrophes and hyphens), scanned by hand like the letters above.
  // Each word is looked up by a hash of its characters, without cutting it out of the text.
  let start = -1;
  let hash = 0;
  for (let i = 0; i <= lower.length; ) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    let size = 1;
    let inWord: boolean;
    if (code < 128) inWord = ASCII_WORD[code] === 1;
    else {
      const point = lower.codePointAt(i)!;
      if (point > 0xffff) size = 2;
      inWord = LETTER.test(String.fromCodePoint(point));
    }
    if (inWord) {
      if (start < 0) {
        start = i;
        hash = 0;
      }
      for (let k = i; k < i + size; k++) hash = wordHashStep(hash, lower.charCodeAt(k));
    } else if (start >= 0) {
      for (let k = KNOWN.first[hash & KNOWN_MASK]!; k >= 0; k = KNOWN.next[k]!) {
        const word = KNOWN.words[k]!;
        if (word.text.length !== i - start || !lower.startsWith(word.text, start)) continue;
        if (word.english) english++;
        else other++;
        break;
      }
      start = -1;
    }
    i += size;
  }
  return other >= 3 && other > english * 1.5 ? "other" : "en";
}

const LETTER = /^\p{L}$/u;
const ASCII_LETTER = Uint8Array.from({ length: 128 }, (_v, code) => (LETTER.test(String.fromCharCode(code)) ? 1 : 0));
/** What a word is made of: letters, apostrophes and hyphens. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_v, code) => (ASCII_LETTER[code] || code === 39 || code === 45 ? 1 : 0));
const wordHashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);
/** The function words of both lists (a word in both counts as English), in a hash table by their characters' hash. */
const KNOWN_MASK = 1023;
const KNOWN = (() => {
  const words = [...[...ENGLISH].map((text) => ({ text, english: true })), ...[...OTHER].filter((text) => !ENGLISH.has(text)).map((text) => ({ text, english: false }))];
  const first = new Int32Array(KNOWN_MASK + 1).fill(-1);
  const next = new Int32Array(words.length).fill(-1);
  words.forEach(({ text }, k) => {
    let hash = 0;
    for (let i = 0; i < text.length; i++) hash = wordHashStep(hash, text.charCodeAt(i));
    next[k] = first[hash & KNOWN_MASK]!;
    first[hash & KNOWN_MASK] = k;
  });
  return { words, first, next };
})();
