import { LineCounter, parseDocument, isMap, isNode, isScalar, type Node } from "yaml";
import type { z } from "zod";
import { InputError, type Problem } from "@parley/model";

/**
 * Parses YAML text and checks it against a zod schema; every problem names the file and line.
 * `firstLine` is the line of the file on which `text` starts (front matter starts on line 2).
 */
export function parseYamlWith<T extends z.ZodType>(schema: T, text: string, file: string, firstLine = 1): z.infer<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number =>
    offset === undefined ? firstLine : lineCounter.linePos(offset).line + firstLine - 1;
  // The yaml library reports an unclosed quotation where the text ran out; the mistake is at the opening mark.
  for (const err of doc.errors) err.pos[0] = errorStart(text, err.message, err.pos[0]);
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((err) => ({
        file,
        line: lineAt(err.pos[0]),
        message: `YAML cannot be read: ${(err.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
        fix: "fix the YAML syntax (quote values that contain a colon, indent lists consistently)",
        severity: "error",
      })),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (err) {
    // The yaml library refuses alias chains that would expand without bound ("billion laughs") and nesting too deep to walk.
    throw new InputError([
      {
        file,
        line: firstLine,
        message: `YAML cannot be read: ${(err as Error).message}`,
        fix: "write plain values, without YAML anchors and aliases (& and *) or deep nesting",
        severity: "error",
      },
    ]);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      // zod names the object, not the key: point at each unknown key's own line.
      const container = path.length > 0 ? doc.getIn(path, true) : doc.contents;
      return issue.keys.map((key) => {
        const pair = isMap(container) ? container.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
        const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
        const field = `'${[...path, key].join(".")}'`;
        return {
          file,
          line: lineAt(keyNode?.range?.[0]),
          message: `${field}: not a known field`,
          fix: `correct the spelling of ${field} or remove it`,
          severity: "error" as const,
        };
      });
    }
    const node = path.length > 0 ? doc.getIn(path, true) : doc.contents;
    const parentNode = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const located = isNode(node) ? (node as Node) : isNode(parentNode) ? (parentNode as Node) : null;
    const field = path.length > 0 ? `'${path.join(".")}'` : "the document";
    return [
      {
        file,
        line: lineAt(located?.range?.[0]),
        message: `${field}: ${issue.message}`,
        fix: issue.code === "invalid_type" && /undefined/.test(issue.message) ? `add ${field}` : `correct ${field}`,
        severity: "error" as const,
      },
    ];
  });
  throw new InputError(problems);
}

/** Where an unclosed quotation opens: the last quotation mark of its kind before where the text ran out. */
function errorStart(text: string, message: string, pos: number): number {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (!quote) return pos;
  const opening = text.lastIndexOf(quote, pos - 1);
  return opening < 0 ? pos : opening;
}
