export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits a sentence into plain and marked parts: every occurrence of a term (case-insensitive) is marked,
 * longest terms first so "Sergey Lavrov" wins over "Lavrov". Typographic quotes and apostrophes compare
 * equal to straight ones, as the dataset folds them.
 */
export function highlight(sentence: string, terms: readonly string[]): Segment[] {
  const folded = fold(sentence);
  const marked = new Array<boolean>(sentence.length).fill(false);
  const wanted = [...new Set(terms.map((t) => fold(t.trim())).filter((t) => t.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const term of wanted) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      const taken = marked.indexOf(true, at);
      if (taken !== -1 && taken < at + term.length) continue;
      marked.fill(true, at, at + term.length);
    }
  }
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= sentence.length; i++) {
    if (i === sentence.length || marked[i] !== marked[start]) {
      segments.push({ text: sentence.slice(start, i), marked: marked[start] ?? false });
      start = i;
    }
  }
  return segments;
}

// Same length as the input, so offsets found in the folded text are offsets in the original (lowercasing
// keeps the length of all but a few letters, such as "İ"; there a mark may shift, the text never changes).
function fold(text: string): string {
  return text.toLowerCase().replace(/[‘’′]/g, "'").replace(/[“”″]/g, '"');
}
