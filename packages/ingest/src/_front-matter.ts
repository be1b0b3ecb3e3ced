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
  return { frontMatter, body: lines.slice(close + 1).join("\n"), bodyLine: close + 2 };
}
