/** A word or punctuation mark of an article, by character offsets into the article text. */
export interface Token {
  /** The token as written, possessive ending included. */
  text: string;
  /** The word without a possessive ending ("Russia’s" → "Russia"). */
  word: string;
  start: number;
  end: number;
  possessive: boolean;
  capitalized: boolean;
  punct: boolean;
}

// Abbreviations with a period that belong to the word ("Mr.", "Gen."), initials before a name ("J. Trump"),
// dotted acronyms ("U.S."), words with a possessive ending, numbers, then any single mark.
const TOKEN =
  /(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|Prof|St|Sr|Jr|Adm|Maj|Capt|Sgt|Amb|Cmdr)\.|\p{Lu}\.(?=\s+\p{Lu})|(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*|\p{N}[\p{N},.:]*\p{N}|\p{N}|\S/gu;
const POSSESSIVE = /^(.+?)['’]s?$/u;

/** Splits text[start, end) into tokens with article offsets. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(TOKEN)) {
    let raw = match[0];
    const at = start + (match.index ?? 0);
    // A plural possessive ("officials’") leaves its apostrophe as the next mark; fold it into the word.
    const next = text[at + raw.length];
    if (/\p{L}s$/u.test(raw) && (next === "’" || next === "'") && !/\p{L}/u.test(text[at + raw.length + 1] ?? "")) raw += next;
    const possessive = /\p{L}['’]s$/u.test(raw) || /s['’]$/u.test(raw);
    const word = possessive ? (POSSESSIVE.exec(raw)?.[1] ?? raw) : raw;
    tokens.push({
      text: raw,
      word,
      start: at,
      end: at + raw.length,
      possessive,
      capitalized: /^\p{Lu}/u.test(raw),
      punct: !/[\p{L}\p{N}]/u.test(raw),
    });
  }
  // A folded apostrophe also matched as its own mark: drop marks covered by a previous token.
  return tokens.filter((t, i) => i === 0 || t.start >= (tokens[i - 1]?.end ?? 0));
}
