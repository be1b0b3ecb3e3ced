import { basename } from "node:path";
import { InputError, jaccard, type Problem, SourceFrontMatter, UNKNOWN } from "@parley/model";
import type { Registry } from "@parley/registry";
import { blankOut, decodeSource, findBoilerplate, findPublisher, MAX_BODY_CHARS } from "@parley/ingest";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { identifySource, looseSplit, normalizeUrl, type SourceIdentity, shingles } from "./_duplicates.ts";
import { MISSING } from "./_source-file.ts";

/** Longer than any news article we have seen (the seeds run 3,000–8,000 characters): probably a whole page or several articles. */
export const SUSPICIOUS_BODY_CHARS = 60_000;

type Field = keyof typeof SourceFrontMatter.shape;
const FIELDS = Object.keys(SourceFrontMatter.shape) as Field[];

/** How to fix each front matter field, in words a contributor can follow. */
const FIELD_FIX: Record<Field, string> = {
  title: 'write the article\'s headline in double quotes, e.g. title: "Envoys meet in Doha on regional security"',
  title_is_headline: "write false when you wrote the title yourself (the page gives no headline), or delete the line",
  publisher: "write the name of the newspaper or site, e.g. publisher: Reuters",
  published: "write the date the article was published as YYYY-MM-DD (YYYY-MM or YYYY if the page gives no day)",
  url: "paste the article's web address starting with https://, or delete the line if the article was never online",
  language: "write the two-letter code of the article's language, e.g. language: en",
  retrieved: "write the date you saved the article as YYYY-MM-DD, or delete the line",
};

const error = (file: string, line: number | null, message: string, fix: string): Problem => ({
  file,
  line,
  message,
  fix,
  severity: "error",
});
const warning = (file: string, line: number | null, message: string, fix: string): Problem => ({
  file,
  line,
  message,
  fix,
  severity: "warning",
});

// A source ID is the file name: it must survive every file system, URL and shell unquoted.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.md$/;

/** A date at the precision it has, compared with today cut to the same precision. */
const isAfter = (date: string, today: string): boolean => date > today.slice(0, date.length);

interface FrontMatterResult {
  problems: Problem[];
  /** Parsed values of the fields that passed, for the body checks. */
  values: Partial<Record<Field, string>>;
  bodyLine: number;
  body: string;
}

interface FrontMatterFields {
  values: Map<string, unknown>;
  lines: Map<string, number>;
  problems: Problem[];
}

const UNREADABLE = Symbol("unreadable");
const QUOTE_FIX =
  "write one 'field: value' per line, and put a value that contains ': ' or starts with a quote in double quotes";

/**
 * The fields of the front matter with the line of each. YAML that does not parse as a whole is read line by line,
 * so that one bad line does not hide the problems of the others.
 */
function readFields(frontLines: readonly string[], file: string): FrontMatterFields {
  const values = new Map<string, unknown>();
  const lines = new Map<string, number>();
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(frontLines.join("\n"), { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length === 0) {
    if (!isMap(doc.contents))
      return {
        values,
        lines,
        problems:
          doc.contents === null
            ? []
            : [error(file, 2, "the front matter is not a list of 'field: value' lines", QUOTE_FIX)],
      };
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      lines.set(key, offset === undefined ? 2 : lineCounter.linePos(offset).line + 1);
      values.set(
        key,
        isScalar(pair.value) ? pair.value.value : (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.(),
      );
    }
    return { values, lines, problems };
  }
  frontLines.forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === "" || text.trim().startsWith("#")) return;
    const single = parseDocument(text, { prettyErrors: false });
    const colon = /^([A-Za-z_]\w*):\s+(.*:\s.*)$/.exec(text);
    if (single.errors.length > 0 || !isMap(single.contents)) {
      // The field is there but unreadable: reported here, not again as missing.
      if (colon?.[1] !== undefined) {
        lines.set(colon[1], line);
        values.set(colon[1], UNREADABLE);
      }
      problems.push(
        colon
          ? error(
              file,
              line,
              `the value of '${colon[1]}' contains ': ', which YAML reads as another field`,
              `put the value in double quotes: ${colon[1]}: ${JSON.stringify(colon[2]?.trim() ?? "")}`,
            )
          : error(
              file,
              line,
              `this line cannot be read as 'field: value' (${single.errors[0]?.message.split("\n")[0] ?? "no field name"})`,
              QUOTE_FIX,
            ),
      );
      return;
    }
    for (const pair of single.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const first = lines.get(key);
      if (first !== undefined) {
        problems.push(
          error(file, line, `'${key}' is given twice (first on line ${first})`, "keep one of the two lines"),
        );
        continue;
      }
      lines.set(key, line);
      values.set(key, isScalar(pair.value) ? pair.value.value : null);
    }
  });
  return { values, lines, problems };
}

/** Every front matter problem of one file at once, each on the line of its field. */
export function checkFrontMatter(text: string, file: string, today: string): FrontMatterResult {
  const lines = text.split("\n");
  const fence = (line: string | undefined): boolean => /^---[ \t]*$/.test(line ?? "");
  const none = (problem: Problem): FrontMatterResult => ({ problems: [problem], values: {}, bodyLine: 1, body: text });
  if (!fence(lines[0])) {
    return none(
      error(
        file,
        1,
        "no front matter: the file must start with a line '---'",
        "add title, publisher, published and url between two '---' lines at the top (see CONTRIBUTING.md)",
      ),
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && fence(line));
  if (close < 0)
    return none(error(file, 1, "the front matter is not closed", "add a line '---' after the last front matter field"));
  const bodyLine = close + 2;
  const body = lines.slice(close + 1).join("\n");
  const result: FrontMatterResult = { problems: [], values: {}, bodyLine, body };
  const frontLines = lines.slice(1, close);
  const fields = readFields(frontLines, file);
  result.problems.push(...fields.problems);
  if (fields.lines.size === 0 && fields.problems.length === 0) {
    result.problems.push(
      error(
        file,
        2,
        "the front matter holds no fields",
        "write one 'field: value' per line: title, publisher, published, url",
      ),
    );
    return result;
  }
  const fieldLines = fields.lines;
  const raw = fields.values;
  for (const [key, line] of fieldLines) {
    if (!(FIELDS as string[]).includes(key)) {
      result.problems.push(
        error(
          file,
          line,
          `unknown field '${key}'`,
          `correct its name or delete the line; the fields are ${FIELDS.join(", ")}`,
        ),
      );
    }
  }
  for (const field of FIELDS) {
    const value = raw.get(field);
    const line = fieldLines.get(field) ?? 2;
    const schema = SourceFrontMatter.shape[field];
    if (value === UNREADABLE) continue;
    if (value === MISSING) {
      result.problems.push(
        error(file, line, `'${field}' is marked MISSING: it was not found in the article`, FIELD_FIX[field]),
      );
      continue;
    }
    if (value === undefined || value === null) {
      if (!schema.safeParse(undefined).success)
        result.problems.push(error(file, line, `'${field}' is missing`, FIELD_FIX[field]));
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const expected =
        parsed.error.issues[0]?.message.replace(/^Invalid input: expected (\w+), received (\w+)$/, "text") ??
        "a valid value";
      result.problems.push(
        error(file, line, `'${field}' is ${JSON.stringify(value)}, not ${expected}`, FIELD_FIX[field]),
      );
      continue;
    }
    result.values[field] = String(parsed.data);
  }
  const { published, retrieved, url } = result.values;
  if (url !== undefined && url !== UNKNOWN && !/^https?:\/\//i.test(url)) {
    result.problems.push(
      error(file, fieldLines.get("url") ?? 2, `'url' is ${JSON.stringify(url)}, not a web address`, FIELD_FIX.url),
    );
  }
  if (published !== undefined && isAfter(published, today)) {
    result.problems.push(
      error(
        file,
        fieldLines.get("published") ?? 2,
        `'published' is ${published}, after today (${today})`,
        FIELD_FIX.published,
      ),
    );
  }
  if (published !== undefined && retrieved !== undefined && retrieved < published.slice(0, retrieved.length)) {
    result.problems.push(
      error(
        file,
        fieldLines.get("retrieved") ?? 2,
        `'retrieved' is ${retrieved}, before the article was published (${published})`,
        FIELD_FIX.retrieved,
      ),
    );
  }
  return result;
}

/**
 * What a citation of the source lacks: a new source must give its URL; an existing one without it, or any source
 * whose publisher or publication date is unknown, is published with the gap flagged, and warned about.
 */
export function checkCitation(file: string, bytes: Uint8Array, isNew: boolean): Problem[] {
  let front: FrontMatterResult;
  try {
    front = checkFrontMatter(decodeSource(bytes, file), file, "9999-12-31");
  } catch {
    return [];
  }
  if (front.problems.some((p) => p.severity === "error")) return [];
  const { url, publisher, published } = front.values;
  const problems: Problem[] = [];
  if (url === undefined || url === UNKNOWN) {
    problems.push(
      isNew
        ? error(
            file,
            2,
            "a new source has no 'url': a citation needs it",
            "paste the article's web address starting with https://",
          )
        : warning(file, 2, "the source has no 'url': the dataset shows it as unknown", FIELD_FIX.url),
    );
  }
  if (publisher?.trim().toLowerCase() === UNKNOWN)
    problems.push(
      warning(
        file,
        2,
        "the publisher is unknown: the dataset shows it as empty, flagged in unknown_fields",
        "write the publisher when a page names it",
      ),
    );
  if (published === UNKNOWN)
    problems.push(
      warning(
        file,
        2,
        "the publication date is unknown: relative dates in the text ('Tuesday') stay unresolved",
        "write the date at the precision known (YYYY-MM or YYYY)",
      ),
    );
  return problems;
}

/** The body rules of the pipeline's ingest step, reported next to the front matter problems instead of after them. */
function checkBody(file: string, front: FrontMatterResult, registry: Registry): Problem[] {
  const { body, bodyLine } = front;
  if (body.trim().length === 0)
    return [error(file, bodyLine, "the article body is empty", "paste the article text below the closing '---'")];
  if (body.length > MAX_BODY_CHARS) {
    return [
      error(
        file,
        bodyLine,
        `the article body has ${body.length} characters, more than the ${MAX_BODY_CHARS} one article may have`,
        "keep one article per file, without page furniture",
      ),
    ];
  }
  const publisher = front.values.publisher === undefined ? undefined : findPublisher(registry, front.values.publisher);
  if (blankOut(body, findBoilerplate(body, publisher)).trim().length === 0) {
    return [
      error(
        file,
        bodyLine,
        "the body holds only page furniture (share buttons, subscription appeals)",
        "paste the article text itself",
      ),
    ];
  }
  if (body.length > SUSPICIOUS_BODY_CHARS) {
    return [
      warning(
        file,
        bodyLine,
        `the article body has ${body.length} characters, longer than any news article we hold`,
        "check that the file holds one article and no comments, related stories or menus",
      ),
    ];
  }
  return [];
}

/** All problems of one source file: its name, encoding, front matter and body. */
export function checkSourceFile(file: string, bytes: Uint8Array, registry: Registry, today: string): Problem[] {
  const problems: Problem[] = [];
  if (!SAFE_NAME.test(basename(file))) {
    problems.push(
      error(
        file,
        null,
        "the file name has characters that are not safe on every system",
        "rename it to letters, digits, '-', '_' and '.md' only, e.g. with 'pnpm parley add'",
      ),
    );
  }
  let text: string;
  try {
    text = decodeSource(bytes, file);
  } catch (err) {
    if (err instanceof InputError) return [...problems, ...err.problems];
    throw err;
  }
  const front = checkFrontMatter(text, file, today);
  problems.push(...front.problems);
  if (front.bodyLine > 1) problems.push(...checkBody(file, front, registry));
  return sortProblems(problems);
}

/** The same article twice in a collection, by URL or by text; the later file (in name order) is the one to remove. */
export function checkDuplicates(sources: ReadonlyArray<{ file: string; text: string }>): Problem[] {
  const problems: Problem[] = [];
  const byUrl = new Map<string, SourceIdentity>();
  const byText = new Map<string, SourceIdentity>();
  for (const { file, text } of sources) {
    const identity = identifySource(file, text);
    const urlKey = identity.url === null ? null : normalizeUrl(identity.url);
    const sameUrl = urlKey === null ? undefined : byUrl.get(urlKey);
    const sameText = byText.get(identity.fingerprint);
    if (sameUrl) {
      problems.push(
        error(
          file,
          identity.urlLine,
          `the same article URL as ${sameUrl.file}`,
          `the article is already in the collection: delete ${basename(file)}`,
        ),
      );
    } else if (sameText) {
      problems.push(
        error(
          file,
          identity.bodyLine,
          `the same article text as ${sameText.file}`,
          `the article is already in the collection: delete ${basename(file)}`,
        ),
      );
    }
    if (urlKey !== null && !sameUrl) byUrl.set(urlKey, identity);
    if (!sameText) byText.set(identity.fingerprint, identity);
  }
  return problems;
}

/** Two texts this alike are one story: a wire report republished, or an article saved twice with edits. */
export const NEAR_DUPLICATE = 0.5;

/**
 * Sources whose texts are nearly the same (a warning: a syndicated story is a real second source only if the
 * outlet reported it itself). `isNew` limits the comparison to pairs with at least one new source. Measured on the
 * seeds: different articles on one meeting share at most 10% of five-word runs; a wire story republished with its
 * first paragraph rewritten and two paragraphs cut shares 76%.
 */
export function checkNearDuplicates(
  sources: ReadonlyArray<{ file: string; text: string }>,
  isNew: (file: string) => boolean = () => true,
): Problem[] {
  const runs = sources.map((s) => ({ file: s.file, runs: shingles(looseSplit(s.text).body) }));
  const problems: Problem[] = [];
  runs.forEach((later, j) => {
    for (const earlier of runs.slice(0, j)) {
      if (later.runs.length === 0 || earlier.runs.length === 0 || !(isNew(later.file) || isNew(earlier.file))) continue;
      const similarity = jaccard(later.runs, earlier.runs);
      if (similarity >= NEAR_DUPLICATE && similarity < 1) {
        problems.push(
          warning(
            later.file,
            null,
            `${Math.round(similarity * 100)}% of its text is the same as ${earlier.file}`,
            "if both are copies of one wire story, keep the original and say so in the pull request",
          ),
        );
      }
    }
  });
  return problems;
}

/** Files in a sources folder that the build does not read: usually an article saved but never added. */
export function checkStrayFiles(names: readonly string[], dir: string): Problem[] {
  return names
    .filter((name) => !/\.(md|markdown)$/i.test(name) && !name.startsWith("."))
    .map((name) =>
      warning(
        `${dir}/${name}`,
        null,
        "not a source file: the build reads only .md files",
        `turn it into one with 'pnpm parley add ${dir}/${name}', then delete it`,
      ),
    );
}

// A warning already written as `path:line: message — fix` (the curation step reports unmatched entries so).
const FORMATTED = /^([^\s:]*[/.][^\s:]*)(?::(\d+))?: (.+) — (.+)$/;

/**
 * Pipeline warnings as problems: `<source_id>: message` goes on the source's file; a warning already formatted as
 * `path:line: message — fix` (a curated entry that matches nothing) keeps its place; any other stays on the collection.
 */
export function buildWarnings(
  warnings: readonly string[],
  fileOf: ReadonlyMap<string, string>,
  collectionFile: string,
): Problem[] {
  return warnings.map((text) => {
    const formatted = FORMATTED.exec(text);
    if (formatted?.[1] !== undefined && !fileOf.has(formatted[1])) {
      return warning(
        formatted[1],
        formatted[2] === undefined ? null : Number(formatted[2]),
        formatted[3] ?? text,
        formatted[4] ?? "",
      );
    }
    const colon = text.indexOf(": ");
    const file = colon > 0 ? fileOf.get(text.slice(0, colon)) : undefined;
    const message = file === undefined ? text : text.slice(colon + 2);
    const fix = /no quote and no meeting/.test(message)
      ? "check that the article reports a diplomatic meeting; if it does, say in the pull request what the extractor missed"
      : "look at the entry named and correct it, or explain in the pull request why it is right";
    return warning(file ?? collectionFile, null, message, fix);
  });
}

/** Problems in the order a contributor fixes them: by file, then line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}
