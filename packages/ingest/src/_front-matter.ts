import { inputError, SourceFrontMatter } from "@parley/model";
import { parseYamlWith } from "@parley/registry";

export interface SplitSource {
  frontMatter: SourceFrontMatter;
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---` front matter from the article body and parses it with zod; errors name the file and line. */
export function splitFrontMatter(text: string, file: string): SplitSource {
  const lines = text.split("\n");
  if (!FENCE.test(lines[0] ?? "")) {
    throw inputError(
      file,
      1,
      "no front matter: the file must start with a line '---'",
      "add front matter with title, publisher and published between two '---' lines (see CONTRIBUTING.md)",
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) {
    throw inputError(file, 1, "front matter is not closed", "add a line '---' after the last front matter field");
  }
  const yamlText = lines.slice(1, close).join("\n");
  const frontMatter = parseYamlWith(SourceFrontMatter.nullable(), yamlText, file, 2);
  if (frontMatter === null) {
    throw inputError(file, 2, "front matter is empty", "add title, publisher and published between the '---' lines");
  }
  checkCharacters(frontMatter, lines.slice(0, close), file);
  checkWebAddress(frontMatter, lines.slice(0, close), file);
  return { frontMatter, body: lines.slice(close + 1).join("\n"), bodyLine: close + 2 };
}

// YAML escapes ("\uD800", "\u0007") can put in front matter what no UTF-8 text holds: half a surrogate pair,
// which CSV and JSON would write differently, or a control character, which has no place in a title.
const UNWRITABLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const lineOf = (lines: readonly string[], key: string): number => {
  const index = lines.findIndex((l) => l.startsWith(`${key}:`));
  return index < 0 ? 2 : index + 1;
};

// A source URL is a web page: a `javascript:` or `file:` link would be a trap in every table that shows it.
function checkWebAddress(frontMatter: SourceFrontMatter, lines: readonly string[], file: string): void {
  const url = frontMatter.url;
  if (url !== undefined && url !== "unknown" && !/^https?:\/\//i.test(url)) {
    throw inputError(
      file,
      lineOf(lines, "url"),
      `'url' is ${JSON.stringify(url)}, not a web address`,
      "use the article's address starting with https://, or delete the line",
    );
  }
}

function checkCharacters(frontMatter: SourceFrontMatter, lines: readonly string[], file: string): void {
  for (const [key, value] of Object.entries(frontMatter)) {
    const bad = typeof value === "string" ? UNWRITABLE.exec(value) : null;
    if (!bad) continue;
    const code = `U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    throw inputError(
      file,
      lineOf(lines, key),
      `'${key}' holds the character ${code}, which text cannot carry`,
      `remove the escape that makes ${code} from '${key}'`,
    );
  }
}
