import { LineCounter, parseDocument, isNode, type Node } from "yaml";
import type { z } from "zod";
import { InputError, type Problem } from "@parley/model";

/**
 * Parses YAML text and checks it against a zod schema; every problem names the file and line.
 * `firstLine` is the line of the file on which `text` starts (front matter starts on line 2).
 */
export function parseYamlWith<T extends z.ZodType>(
  schema: T,
  text: string,
  file: string,
  firstLine = 1,
): z.infer<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number =>
    offset === undefined ? firstLine : lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((err) => ({
        file,
        line: lineAt(err.pos[0]),
        message: `YAML cannot be read: ${err.message.split("\n")[0]}`,
        fix: "fix the YAML syntax (quote values that contain a colon, indent lists consistently)",
        severity: "error",
      })),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (err) {
    // The yaml library refuses alias chains that would expand without bound ("billion laughs").
    throw new InputError([
      {
        file,
        line: firstLine,
        message: `YAML cannot be read: ${(err as Error).message}`,
        fix: "write the values out instead of using YAML anchors and aliases (& and *)",
        severity: "error",
      },
    ]);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const node = path.length > 0 ? doc.getIn(path, true) : doc.contents;
    const parentNode = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const located = isNode(node) ? (node as Node) : isNode(parentNode) ? (parentNode as Node) : null;
    const field = path.length > 0 ? `'${path.join(".")}'` : "the document";
    return {
      file,
      line: lineAt(located?.range?.[0]),
      message: `${field}: ${issue.message}`,
      fix: issue.code === "invalid_type" && /undefined/.test(issue.message) ? `add ${field}` : `correct ${field}`,
      severity: "error" as const,
    };
  });
  throw new InputError(problems);
}
