import type { Span } from "@parley/model";

/** A sentence of the article: its span and the paragraph it belongs to. */
export interface Sentence extends Span {
  text: string;
  paragraph: number;
}

// A period after these does not end a sentence ("U.S. President", "George W. Bush", "St. Petersburg").
const ABBREVIATION = /(?:\b[A-Z]|\b(?:U\.S|U\.K|U\.N|E\.U|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr|No|vs|Prof|Amb))$/;
const BOUNDARY = /[.!?…]+[”"’')\]]*\s+(?=[“"‘'(\[]?[\p{Lu}\p{N}])/gu;

/** Splits article text into sentences: paragraphs (lines) first, then sentence ends inside each. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split("\n")) {
    if (line.trim().length > 0) {
      let start = 0;
      for (const match of line.matchAll(BOUNDARY)) {
        const end = (match.index ?? 0) + match[0].trimEnd().length;
        const before = line.slice(start, match.index ?? 0);
        if (ABBREVIATION.test(before) && !/[!?…]/.test(match[0])) continue;
        push(sentences, line, lineStart, start, end, paragraph);
        start = (match.index ?? 0) + match[0].length;
      }
      push(sentences, line, lineStart, start, line.length, paragraph);
      paragraph++;
    }
    lineStart += line.length + 1;
  }
  return sentences;
}

function push(out: Sentence[], line: string, offset: number, start: number, end: number, paragraph: number): void {
  const raw = line.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body.length === 0) return;
  out.push({ start: offset + start + lead, end: offset + start + lead + body.length, text: body, paragraph });
}
