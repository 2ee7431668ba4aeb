/**
 * Which literal words a regular expression needs: sets of strings such that, for every set, one of its
 * strings appears in any text the pattern can match (lookarounds included, as they read the same
 * text). A pattern one of whose sets is wholly absent cannot match, so it is not run at all; most of the lexicon's patterns scan
 * drafts that lack their key words. Derived from the pattern's source, so the lexicon stays as it is
 * written. Only the syntax the lexicon uses is understood; anything else makes the pattern
 * unfiltered (always run), never wrongly skipped.
 */

/** What is known about a piece of a pattern. */
interface Info {
  /** Every string the piece can match, when there are few (small alternations, optional letters). */
  exact: Set<string> | null;
  /** Sets of strings: any match contains a string of each set (empty: nothing known). */
  required: Set<string>[];
}

const MAX_EXACT = 24;
const MAX_REQUIRED = 40;
const MAX_SETS = 4;
const NOTHING: Info = { exact: new Set([""]), required: [] };
const ANYTHING: Info = { exact: null, required: [] };

class Unsupported extends Error {}

const PLAIN = /^[^\\()[\]{}|^$.*+?]$/;
const QUANTIFIER = /^[?*+{]$/;

/** The better filter of two: the one whose shortest word is longest (rarer), then the one with fewer words. */
function shortest(s: Set<string>): number {
  let min = Infinity;
  for (const w of s) if (w.length < min) min = w.length;
  return min;
}

const usable = (s: Set<string> | null): s is Set<string> => s !== null && s.size > 0 && s.size <= MAX_REQUIRED && shortest(s) > 0;

function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!usable(a)) return usable(b) ? b : null;
  if (!usable(b)) return a;
  const la = Math.min(shortest(a), 8);
  const lb = Math.min(shortest(b), 8);
  if (la !== lb) return la > lb ? a : b;
  return a.size <= b.size ? a : b;
}

/** The single most selective set of a list (and an exact set), or null. */
function bestOf(list: readonly Set<string>[], exact: Set<string> | null = null): Set<string> | null {
  let best: Set<string> | null = usable(exact) ? exact : null;
  for (const set of list) best = better(best, set);
  return best;
}

/** The sets of `list` plus `extra` when it is usable as a filter. */
const withSet = (list: readonly Set<string>[], extra: Set<string> | null): Set<string>[] => (usable(extra) ? [...list, extra] : [...list]);

function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** Keeps only words that are not contained in another word of the set (a text holding "ab" holds "a"). */
function minimal(set: Set<string>): Set<string> {
  const words = [...set];
  return new Set(words.filter((w) => !words.some((v) => v !== w && v.length < w.length && w.includes(v))));
}

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternation();
    if (this.at < this.src.length) throw new Unsupported();
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.at] === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    let exact: Set<string> | null = new Set();
    let union: Set<string> | null = new Set();
    for (const b of branches) {
      if (exact && b.exact) for (const w of b.exact) exact.add(w);
      else exact = null;
      const need = bestOf(b.required, b.exact);
      if (union && need) for (const w of need) union.add(w);
      else union = null;
    }
    if (exact && exact.size > MAX_EXACT) exact = null;
    return { exact, required: union ? [minimal(union)] : [] };
  }

  /** A run of pieces: literal text runs between unknown pieces are the candidates. */
  private sequence(): Info {
    let run: Set<string> = new Set([""]);
    let whole: Set<string> | null = new Set([""]);
    let needs: Set<string>[] = [];
    while (this.at < this.src.length && this.src[this.at] !== "|" && this.src[this.at] !== ")") {
      const item = this.quantified();
      needs.push(...item.required);
      if (item.exact) {
        const joined = cross(run, item.exact);
        if (!joined) needs = withSet(needs, run);
        run = joined ?? new Set(item.exact);
        whole = whole && cross(whole, item.exact);
      } else {
        needs = withSet(needs, run);
        run = new Set([""]);
        whole = null;
      }
    }
    return { exact: whole, required: withSet(needs, run) };
  }

  private quantified(): Info {
    const atom = this.atom();
    const ch = this.src[this.at];
    let min = 1;
    let max = 1;
    if (ch === "?" || ch === "*" || ch === "+") {
      this.at++;
      min = ch === "+" ? 1 : 0;
      max = ch === "?" ? 1 : Infinity;
    } else if (ch === "{") {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.at));
      if (m) {
        this.at += m[0].length;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      }
    } else return atom;
    if (this.src[this.at] === "?") this.at++; // lazy
    if (min === 0) {
      if (max === 1 && atom.exact) return { exact: new Set([...atom.exact, ""]), required: [] };
      return ANYTHING;
    }
    if (min === 1 && max === 1) return atom;
    return { exact: null, required: withSet(atom.required, atom.exact) };
  }

  private atom(): Info {
    const ch = this.src[this.at]!;
    if (ch === "(") return this.group();
    if (ch === "[") return this.charClass();
    if (ch === "\\") return this.escape();
    this.at++;
    if (ch === "^" || ch === "$") return NOTHING;
    if (ch === ".") return ANYTHING;
    if ("*+?{}".includes(ch)) throw new Unsupported();
    // A run of plain letters is one piece, except a last letter a quantifier applies to ("recs?").
    let literal = ch;
    while (this.at < this.src.length && PLAIN.test(this.src[this.at]!) && !QUANTIFIER.test(this.src[this.at + 1] ?? "")) literal += this.src[this.at++];
    return { exact: new Set([literal]), required: [] };
  }

  private group(): Info {
    this.at++;
    let kind = "";
    if (this.src[this.at] === "?") {
      const m = /^\?(?::|=|!|<=|<!)/.exec(this.src.slice(this.at));
      if (!m) throw new Unsupported();
      kind = m[0];
      this.at += m[0].length;
    }
    const inner = this.alternation();
    if (this.src[this.at] !== ")") throw new Unsupported();
    this.at++;
    if (kind === "?=" || kind === "?<=") return { exact: new Set([""]), required: withSet(inner.required, inner.exact) };
    if (kind === "?!" || kind === "?<!") return NOTHING;
    return inner;
  }

  private charClass(): Info {
    const m = /^\[(\^?)((?:\\.|[^\]\\])*)\]/.exec(this.src.slice(this.at));
    if (!m) throw new Unsupported();
    this.at += m[0].length;
    const body = m[2]!;
    if (m[1] || body.includes("-") && !/^-|-$/.test(body.replace(/\\./g, "x"))) return ANYTHING;
    const chars = new Set<string>();
    for (let i = 0; i < body.length; i++) {
      if (body[i] === "\\") {
        const next = body[++i]!;
        if (/[a-zA-Z0-9]/.test(next)) return ANYTHING;
        chars.add(next);
      } else chars.add(body[i]!);
    }
    return chars.size <= 6 ? { exact: chars, required: [] } : ANYTHING;
  }

  private escape(): Info {
    const next = this.src[this.at + 1];
    if (next === undefined) throw new Unsupported();
    this.at += 2;
    if (next === "b" || next === "B") return NOTHING;
    if (next === "n") return { exact: new Set(["\n"]), required: [] };
    if (next === "t") return { exact: new Set(["\t"]), required: [] };
    if (/[dDwWsS]/.test(next)) return ANYTHING;
    if (/[a-zA-Z0-9]/.test(next)) throw new Unsupported();
    return { exact: new Set([next]), required: [] };
  }
}

/**
 * Sets of words a match of `source` needs in the text (one word of every set; the most selective
 * few sets), or null when nothing safe is known.
 */
export function requiredWords(source: string): string[][] | null {
  try {
    const info = new Parser(source).parse();
    const sets: Set<string>[] = [];
    let rest = withSet(info.required, info.exact).map(minimal).filter(usable);
    while (sets.length < MAX_SETS && rest.length) {
      const best = bestOf(rest)!;
      sets.push(best);
      // A set every word of the chosen one contains adds nothing ("managed" after " managed").
      rest = rest.filter((set) => ![...best].every((w) => [...set].some((v) => w.includes(v))));
    }
    return sets.length ? sets.map((s) => [...s]) : null;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}
