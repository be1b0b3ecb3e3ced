import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { defineCommand } from "citty";
import { inputError, PartialDate } from "@parley/model";
import { decodeSource } from "@parley/ingest";
import {
  type ArticleDraft,
  decodeHtml,
  findDuplicate,
  identifySource,
  looksLikeHtml,
  MISSING,
  normalizeHttpUrl,
  readHtmlArticle,
  readPlainArticle,
  readSourceFolder,
  renderSourceFile,
  type SourceFields,
  type SourceIdentity,
  sourceFileName,
} from "@parley/contribute";
import { writeNewFile } from "@parley/export";
import { collectionDir, DEFAULT_COLLECTION, findRepoRoot } from "../_paths.ts";
import { loadCollection } from "../_collection.ts";

type Asked = "title" | "publisher" | "published" | "url";

/** What each field must look like; null when the answer is acceptable. */
const VALIDATE: Record<Asked, (value: string) => string | null> = {
  title: (v) => (v.trim().length > 0 ? null : "the headline of the article"),
  publisher: (v) => (v.trim().length > 0 ? null : "the name of the newspaper or site"),
  published: (v) => (PartialDate.safeParse(v.trim()).success ? null : "a date as YYYY-MM-DD (or YYYY-MM, YYYY)"),
  url: (v) => (normalizeHttpUrl(v) !== null ? null : "a web address starting with https://"),
};

const QUESTIONS: Record<Asked, string> = {
  title: "Headline of the article",
  publisher: "Newspaper or site that published it",
  published: "Date it was published (YYYY-MM-DD)",
  url: "Web address of the article (https://…)",
};

/** Flags win over what the page says; a malformed flag is a mistake to report, not a value to write. */
function fromFlags(args: Partial<Record<Asked, string>>): Partial<Record<Asked, string>> {
  const fields: Partial<Record<Asked, string>> = {};
  for (const key of Object.keys(VALIDATE) as Asked[]) {
    const value = args[key];
    if (value === undefined) continue;
    const wrong = VALIDATE[key](value);
    if (wrong !== null)
      throw inputError(`--${key}`, null, `'${value}' is not ${wrong}`, `pass --${key} with ${wrong}, or leave it out`);
    fields[key] = key === "url" ? (normalizeHttpUrl(value) ?? value) : value.trim();
  }
  return fields;
}

/** Asks for each field still unknown, on a terminal only; an empty answer leaves it MISSING for `check` to report. */
async function askMissing(fields: Partial<Record<Asked, string>>): Promise<void> {
  const missing = (Object.keys(QUESTIONS) as Asked[]).filter((k) => fields[k] === undefined);
  if (missing.length === 0 || process.stdin.isTTY !== true || process.env.CI) return;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    process.stderr.write(
      "The article does not say everything a source needs. Answer, or press Enter to fill it in later.\n",
    );
    for (const key of missing) {
      for (;;) {
        const answer = (await rl.question(`${QUESTIONS[key]}: `)).trim();
        if (answer === "") break;
        const wrong = VALIDATE[key](answer);
        if (wrong === null) {
          fields[key] = key === "url" ? (normalizeHttpUrl(answer) ?? answer) : answer;
          break;
        }
        process.stderr.write(`  that is not ${wrong}\n`);
      }
    }
  } finally {
    rl.close();
  }
}

function readArticle(file: string, shown: string): ArticleDraft {
  const bytes = readFileSync(file);
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 2000));
  const draft = looksLikeHtml(file, head)
    ? readHtmlArticle(decodeHtml(bytes))
    : readPlainArticle(decodeSource(bytes, shown));
  if (draft.text.trim().length === 0) {
    throw inputError(
      shown,
      null,
      "no article text found in the file",
      "save the page again from the browser (Save Page As…), or paste the article text into a .txt file and add that",
    );
  }
  return draft;
}

function refuseDuplicate(shown: string, url: string | null, text: string, identities: readonly SourceIdentity[]): void {
  const twin = findDuplicate({ url, text }, identities);
  if (twin !== null) {
    throw inputError(
      shown,
      null,
      `the article is already in the collection as ${twin.file} (same ${twin.by === "url" ? "URL" : "text"})`,
      "nothing was added; if it is a different article, check the URL you gave",
    );
  }
}

export const add = defineCommand({
  meta: {
    name: "add",
    description: "Add an article (a page saved as HTML, or plain text) to a collection as a source file",
  },
  args: {
    file: { type: "positional", description: "the saved page (.html) or text file (.txt)", required: true },
    collection: { type: "string", description: "collection under pipelines/", default: DEFAULT_COLLECTION },
    url: { type: "string", description: "the article's web address (when the page does not say)" },
    publisher: { type: "string", description: "newspaper or site (when the page does not say)" },
    published: { type: "string", description: "publication date YYYY-MM-DD (when the page does not say)" },
    title: { type: "string", description: "the headline (when the page does not say)" },
  },
  async run({ args }) {
    const root = findRepoRoot();
    // `pnpm parley` runs in the repository root; INIT_CWD is where the contributor typed the command.
    const input = resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
    const inside = relative(root, input);
    const shown = inside.startsWith("..") ? args.file : inside;
    if (!existsSync(input))
      throw inputError(args.file, null, "no such file", "give the path of the article you saved (HTML or plain text)");
    const collection = loadCollection(collectionDir(root, args.collection));
    const draft = readArticle(input, shown);
    const known: Partial<Record<Asked, string>> = {};
    for (const key of Object.keys(VALIDATE) as Asked[]) {
      const value = draft[key];
      if (value !== null && VALIDATE[key](value) === null) known[key] = value;
    }
    const fields = { ...known, ...fromFlags(args) };
    const existing = readSourceFolder(collection.sourcesDir).filter((s) => /\.md$/i.test(s.name));
    const identities = existing.map((s) =>
      identifySource(relative(root, s.file), new TextDecoder("utf-8").decode(s.bytes)),
    );
    // Before asking anything (a twin by text needs no answers), and again once the URL is known.
    refuseDuplicate(shown, fields.url ?? null, draft.text, identities);
    await askMissing(fields);
    refuseDuplicate(shown, fields.url ?? null, draft.text, identities);

    const source: SourceFields = {
      title: fields.title ?? MISSING,
      publisher: fields.publisher ?? MISSING,
      published: fields.published ?? MISSING,
      url: fields.url ?? MISSING,
      language: draft.language ?? "en",
    };
    const target = join(
      collection.sourcesDir,
      sourceFileName(
        existing.map((s) => s.name),
        draft.text,
      ),
    );
    mkdirSync(collection.sourcesDir, { recursive: true });
    writeNewFile(target, renderSourceFile(source, draft.text));

    const lines = [`added ${relative(root, target)}`];
    for (const [key, value] of Object.entries(source))
      lines.push(
        `  ${key.padEnd(10)} ${value}${value === MISSING ? "   <- fill this in before opening the pull request" : ""}`,
      );
    lines.push(`  text       ${draft.text.length} characters, ${draft.text.split(/\n+/).length} paragraph(s)`);
    lines.push("", "Next: read the file, fix anything marked MISSING, then run 'pnpm parley check'.");
    console.log(lines.join("\n"));
  },
});
