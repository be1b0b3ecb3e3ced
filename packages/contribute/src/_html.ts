import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parse } from "yaml";
import { cleanSpaces, readPageMetadata, type PageMetadata } from "./_metadata.ts";

/** An article read from a file: what it says about itself, and its text with one paragraph per line. */
export interface ArticleDraft extends PageMetadata {
  text: string;
}

/** True for a page saved from a browser rather than plain text. */
export function looksLikeHtml(fileName: string, head: string): boolean {
  if (/\.(html?|xhtml|mhtml?)$/i.test(fileName)) return true;
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(head.slice(0, 2000));
}

// A page saved from a browser keeps the charset it was served with; the meta tag says which.
const CHARSET = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)/i;

function decoderFor(label: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder("utf-8"); // an unknown label: browsers fall back the same way
  }
}

// Windows-1252 characters at 0x80–0x9F (curly quotes, dashes, euro sign); the other bytes of the range are unused.
const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Decodes a saved page with its BOM or declared charset (windows-1252 pages exist), UTF-8 otherwise. */
export function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const declared =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "utf-8" : (CHARSET.exec(head)?.[1] ?? "utf-8");
  const decoder = decoderFor(declared);
  const text = decoder.decode(bytes);
  // Node 20 decodes the windows-1252 label as ISO-8859-1, leaving C1 controls where the quotes were.
  return decoder.encoding === "windows-1252"
    ? text.replace(/[\u0080-\u009f]/g, (c: string) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c)
    : text;
}

// Elements whose text is one paragraph of the article.
const BLOCKS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "DD", "DT", "TD", "TH"]);
// Not article text even when Readability keeps them: image captions and embedded media.
const SKIPPED = new Set(["FIGURE", "FIGCAPTION", "SCRIPT", "STYLE", "NOSCRIPT", "IFRAME", "SVG", "BUTTON", "FORM"]);

interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

/** The text of a block with `<br>` as a line break inside it, spaces collapsed. */
function blockText(node: TextNode): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  if (SKIPPED.has(node.nodeName)) return "";
  if (node.nodeName === "BR") return "\n";
  return Array.from(node.childNodes).map(blockText).join("");
}

/** One entry per paragraph, in document order; nested blocks (a `<p>` in a `<blockquote>`) are not repeated. */
function paragraphs(node: TextNode, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      const loose = cleanSpaces(child.textContent ?? "");
      if (loose.length > 0) out.push(loose);
      continue;
    }
    if (child.nodeType !== 1 || SKIPPED.has(child.nodeName)) continue;
    const hasInnerBlocks = Array.from(child.childNodes).some((c) => BLOCKS.has(c.nodeName) || c.nodeName === "DIV");
    if (BLOCKS.has(child.nodeName) && !hasInnerBlocks) {
      for (const line of blockText(child).split("\n")) {
        const clean = cleanSpaces(line);
        if (clean.length > 0) out.push(clean);
      }
    } else {
      paragraphs(child, out);
    }
  }
}

// Class and id words of page furniture that sits inside the article container, where Readability keeps it.
const FURNITURE_WORDS = new Set([
  "ad",
  "ads",
  "advert",
  "advertisement",
  "sponsored",
  "promo",
  "byline",
  "dateline",
  "author",
  "kicker",
  "eyebrow",
  "share",
  "sharing",
  "social",
  "newsletter",
  "subscribe",
  "signup",
  "paywall",
  "related",
  "recommended",
  "readmore",
  "cookie",
  "consent",
  "breadcrumb",
  "breadcrumbs",
  "tags",
  "caption",
  "credit",
  "reading",
  "date",
  "timestamp",
  "comments",
]);
const FURNITURE_TAGS = "nav, aside, form, footer, figcaption, button, noscript, iframe";

interface FurnitureElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  matches?(selector: string): boolean;
  remove(): void;
}

/**
 * Removes bylines, share bars, newsletter boxes, related links and ad slots by their class or id words
 * (`article__byline` → byline), unless the element holds most of the page's text (a wrapper, not furniture).
 */
function removeFurniture(document: {
  body: { textContent: string | null } | null;
  querySelectorAll(s: string): ArrayLike<FurnitureElement>;
}): void {
  const total = document.body?.textContent?.length ?? 0;
  const isFurniture = (el: FurnitureElement): boolean => {
    const words = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.toLowerCase().split(/[^a-z]+/);
    return words.some((w) => FURNITURE_WORDS.has(w));
  };
  for (const el of Array.from(document.querySelectorAll(`${FURNITURE_TAGS}, [class], [id]`))) {
    if (el.tagName === "BODY" || el.tagName === "HTML" || el.tagName === "ARTICLE" || el.tagName === "MAIN") continue;
    const small = (el.textContent?.length ?? 0) < total * 0.4;
    if (small && (el.matches?.(FURNITURE_TAGS) || isFurniture(el))) el.remove();
  }
}

/** The readable article of a saved page (Mozilla Readability), with the page's own metadata. */
export function readHtmlArticle(html: string): ArticleDraft {
  const metadata = readPageMetadata(parseHTML(html).document, html);
  // Readability rewrites the document it reads, so it gets a fresh one.
  const { document } = parseHTML(html);
  removeFurniture(document as never);
  const readable = new Readability(document as never).parse();
  const out: string[] = [];
  if (readable?.content)
    paragraphs(
      parseHTML(`<!doctype html><html><body>${readable.content}</body></html>`).document.body as unknown as TextNode,
      out,
    );
  return {
    ...metadata,
    title: metadata.title ?? (readable?.title ? cleanSpaces(readable.title) : null),
    publisher: metadata.publisher ?? (readable?.siteName ? cleanSpaces(readable.siteName) : null),
    text: dropRepeatedTitle(out, metadata.title).join("\n\n"),
  };
}

/** Readability sometimes keeps the headline as the first paragraph; the title is in the front matter already. */
function dropRepeatedTitle(lines: string[], title: string | null): string[] {
  return title !== null && lines[0] === title ? lines.slice(1) : lines;
}

/** A plain-text article: line endings, trailing spaces and runs of blank lines tidied; nothing else changes. */
export function readPlainArticle(text: string): ArticleDraft {
  const tidy = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n");
  const { fields, body } = splitLooseFrontMatter(tidy);
  return { ...fields, text: body.replace(/\n{3,}/g, "\n\n").trim() };
}

const NO_FIELDS: PageMetadata = { title: null, publisher: null, published: null, url: null, language: null };

/** A text written as a source file by hand: its front matter fields are used, whatever shape they are in (check judges them). */
function splitLooseFrontMatter(text: string): { fields: PageMetadata; body: string } {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { fields: NO_FIELDS, body: text };
  let data: unknown = null;
  try {
    data = parse(match[1] ?? "");
  } catch {
    data = null;
  }
  const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const field = (key: string): string | null => {
    const value = record[key];
    return (typeof value === "string" || typeof value === "number") &&
      String(value).trim() !== "" &&
      value !== "MISSING"
      ? String(value).trim()
      : null;
  };
  return {
    fields: {
      title: field("title"),
      publisher: field("publisher"),
      published: field("published"),
      url: field("url"),
      language: field("language"),
    },
    body: text.slice(match[0].length),
  };
}
