/**
 * Which of a fixed list of words occur in a text, all found in one pass over it (an Aho–Corasick
 * automaton, as a table: one lookup per character whatever the number of words). The lexicon's
 * patterns need thousands of literal words between them; looking each one up in every text
 * would cost more than running the patterns.
 */
export class WordFinder {
  /** Transition table: state × symbol → state. */
  private readonly next: Uint16Array | Uint32Array;
  /** The word that ends at a state, or -1. */
  private readonly wordAt: Int32Array;
  /** The nearest state along the failure links where a word ends (0: none). */
  private readonly nextWordEnd: Int32Array;
  /** Character code → symbol (0: a character no word has). */
  private readonly asciiSymbol: Uint8Array;
  private readonly otherSymbol: Map<number, number>;
  private readonly symbols: number;
  /** Per state, the groups of every word that ends there (its own and along the failure links): `groups[groupStart[s]..groupStart[s + 1]]`. */
  private readonly groupStart: Int32Array;
  private readonly groups: Int32Array;

  /** `groupsOf[id]`: the groups (numbered from 0) word `id` belongs to, for `markGroups`. */
  constructor(
    readonly words: readonly string[],
    groupsOf: readonly (readonly number[])[] = [],
  ) {
    this.asciiSymbol = new Uint8Array(128);
    this.otherSymbol = new Map();
    let symbols = 1;
    for (const word of words)
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (code < 128 ? this.asciiSymbol[code] === 0 : !this.otherSymbol.has(code)) {
          if (code < 128) this.asciiSymbol[code] = symbols++;
          else this.otherSymbol.set(code, symbols++);
        }
      }
    this.symbols = symbols;

    // The trie of the words, as a table (state × symbol → child, 0: none) grown as it fills, and
    // each state's children as a list (first child, next sibling), so no step below visits every symbol.
    let trie = new Int32Array(1024 * symbols);
    const ends: number[] = [-1];
    const firstChild: number[] = [0];
    const sibling: number[] = [0];
    const symbolTo: number[] = [0];
    words.forEach((word, id) => {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const symbol = this.symbolOf(word.charCodeAt(i));
        const at = state * symbols + symbol;
        if (trie[at] === 0) {
          const child = ends.length;
          if ((child + 1) * symbols > trie.length) {
            const grown = new Int32Array(trie.length * 2);
            grown.set(trie);
            trie = grown;
          }
          trie[at] = child;
          ends.push(-1);
          sibling.push(firstChild[state]!);
          firstChild[state] = child;
          firstChild.push(0);
          symbolTo.push(symbol);
        }
        state = trie[at]!;
      }
      if (ends[state] === -1) ends[state] = id;
    });

    // States renumbered breadth first, so the shallow ones a scan mostly visits share a few cache lines.
    const states = ends.length;
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) for (let child = firstChild[order[head]!]!; child !== 0; child = sibling[child]!) order.push(child);
    const renumbered = new Int32Array(states);
    order.forEach((state, at) => (renumbered[state] = at));

    // The full transition table: a state's row is its failure state's row (complete, as that state is
    // shallower) with its own children written over it.
    const next = states < 0x10000 ? new Uint16Array(states * symbols) : new Uint32Array(states * symbols);
    const fail = new Int32Array(states);
    const nextWordEnd = new Int32Array(states);
    const wordAt = new Int32Array(states);
    for (let at = 0; at < states; at++) {
      const state = order[at]!;
      wordAt[at] = ends[state]!;
      if (at > 0) next.copyWithin(at * symbols, fail[at]! * symbols, (fail[at]! + 1) * symbols);
      for (let child = firstChild[state]!; child !== 0; child = sibling[child]!) {
        const symbol = symbolTo[child]!;
        const fallback = at === 0 ? 0 : next[fail[at]! * symbols + symbol]!;
        const to = renumbered[child]!;
        next[at * symbols + symbol] = to;
        fail[to] = fallback;
        nextWordEnd[to] = ends[order[fallback]!]! >= 0 ? fallback : nextWordEnd[fallback]!;
      }
    }
    this.next = next;
    this.wordAt = wordAt;
    this.nextWordEnd = nextWordEnd;

    const groupStart = new Int32Array(states + 1);
    const groups: number[] = [];
    for (let at = 0; at < states; at++) {
      groupStart[at] = groups.length;
      const first = groups.length;
      for (let end = wordAt[at]! >= 0 ? at : nextWordEnd[at]!; end > 0; end = nextWordEnd[end]!)
        for (const group of groupsOf[wordAt[end]!] ?? []) if (groups.indexOf(group, first) < 0) groups.push(group);
    }
    groupStart[states] = groups.length;
    this.groupStart = groupStart;
    this.groups = Int32Array.from(groups);
  }

  private symbolOf(code: number): number {
    return code < 128 ? this.asciiSymbol[code]! : (this.otherSymbol.get(code) ?? 0);
  }

  /** Sets `present[g]` to 1 for each group g of every word that occurs in the text. */
  markGroups(text: string, present: Uint8Array): void {
    const { next, symbols, asciiSymbol, groupStart, groups } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * symbols + (code < 128 ? asciiSymbol[code]! : (this.otherSymbol.get(code) ?? 0))]!;
      for (let k = groupStart[state]!, end = groupStart[state + 1]!; k < end; k++) present[groups[k]!] = 1;
    }
  }

  /** The id of every word at every place it occurs in the text, in order (a word found twice is listed twice). */
  find(text: string): number[] {
    const { next, wordAt, nextWordEnd, symbols, asciiSymbol } = this;
    const found: number[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * symbols + (code < 128 ? asciiSymbol[code]! : (this.otherSymbol.get(code) ?? 0))]!;
      for (let at = wordAt[state]! >= 0 ? state : nextWordEnd[state]!; at > 0; at = nextWordEnd[at]!) found.push(wordAt[at]!);
    }
    return found;
  }
}
