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
  const wanted = [...new Set(terms.map((t) => fold(t.trim())).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  for (const term of wanted) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      if (marked.slice(at, at + term.length).some(Boolean)) continue;
      marked.fill(true, at, at + term.length);
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.marked === marked[i]) last.text += sentence[i];
    else segments.push({ text: sentence[i] ?? "", marked: marked[i] ?? false });
  }
  return segments;
}

// Same length as the input, so offsets found in the folded text are offsets in the original.
function fold(text: string): string {
  return text.toLowerCase().replace(/[‘’′]/g, "'").replace(/[“”″]/g, '"');
}
