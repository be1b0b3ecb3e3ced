/** What a saved page says about itself; null where it says nothing. */
export interface PageMetadata {
  title: string | null;
  publisher: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
}

// The part of the DOM we read: linkedom's document satisfies it, and so would jsdom's.
interface MetaDocument {
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
  documentElement: { getAttribute(name: string): string | null } | null;
  title: string;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|WebPage)$/;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function typesOf(node: JsonObject): string[] {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** Every object in a JSON-LD block, flattening arrays and `@graph`. */
function jsonLdNodes(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (!isObject(value)) return [];
  return [value, ...jsonLdNodes(value["@graph"])];
}

/** The page's article node: a NewsArticle is preferred over a generic Article, an Article over a WebPage. */
function articleNode(doc: MetaDocument): JsonObject | null {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      nodes.push(...jsonLdNodes(JSON.parse(script.textContent ?? "")));
    } catch {
      // Sites ship broken JSON-LD often enough; the meta tags are the fallback.
    }
  }
  const rank = (n: JsonObject): number => {
    const types = typesOf(n);
    if (types.some((t) => /NewsArticle$/.test(t))) return 0;
    if (types.some((t) => t !== "WebPage" && ARTICLE_TYPES.test(t))) return 1;
    return types.includes("WebPage") ? 2 : 3;
  };
  const ranked = nodes.filter((n) => rank(n) < 3).sort((a, b) => rank(a) - rank(b));
  return ranked[0] ?? null;
}

// JSON-LD is script text, so the HTML parser leaves entities in it; some sites encode them there anyway.
const ENTITIES: Record<string, string> = {
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  nbsp: " ",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  ndash: "–",
  mdash: "—",
};
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const text = (value: unknown): string | null => {
  if (typeof value === "string" && value.trim().length > 0) return cleanSpaces(decodeEntities(value));
  if (isObject(value)) return text(value.name) ?? text(value["@id"]) ?? text(value.url);
  if (Array.isArray(value)) return text(value[0]);
  return null;
};

export const cleanSpaces = (value: string): string => value.replace(/\s+/g, " ").trim();

function meta(doc: MetaDocument, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    for (const node of Array.from(doc.querySelectorAll(selector))) {
      const value = node.getAttribute("content") ?? node.getAttribute("href") ?? node.getAttribute("datetime");
      if (value && value.trim().length > 0) return cleanSpaces(value);
    }
  }
  return null;
}

/**
 * A publication date as the publisher wrote it: the calendar date of an ISO timestamp is kept as is
 * (it is the publisher's local date); other forms are read in UTC. Null when it cannot be read.
 */
export function normalizeDate(value: string | null): string | null {
  if (value === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (!/[a-z]/i.test(value)) return null; // "07/10/2025" is ambiguous between days and months
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

/** Only web addresses: a page saved from disk or a `javascript:` link is no source URL. */
export function normalizeHttpUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

// Browsers mark a saved page with the address it came from: `<!-- saved from url=(0071)https://… -->`.
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;

/** Title, publisher, date, URL and language from JSON-LD, Open Graph and standard meta tags, in that order. */
export function readPageMetadata(doc: MetaDocument, html: string): PageMetadata {
  const article = articleNode(doc);
  const publisher =
    text(article?.publisher) ??
    meta(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]');
  const title = withoutSiteName(
    text(article?.headline) ?? meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? doc.title,
    publisher,
  );
  const published = normalizeDate(
    text(article?.datePublished) ??
      meta(
        doc,
        'meta[property="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="parsely-pub-date"]',
        'meta[name="pubdate"]',
        'meta[name="date"]',
        'meta[name="DC.date.issued"]',
        "article time[datetime]",
      ),
  );
  const url =
    normalizeHttpUrl(meta(doc, 'link[rel="canonical"]')) ??
    normalizeHttpUrl(meta(doc, 'meta[property="og:url"]')) ??
    normalizeHttpUrl(text(article?.url) ?? text(article?.mainEntityOfPage)) ??
    normalizeHttpUrl(SAVED_FROM.exec(html)?.[1] ?? null);
  const lang =
    doc.documentElement?.getAttribute("lang") ?? meta(doc, 'meta[property="og:locale"]') ?? text(article?.inLanguage);
  return { title, publisher, published, url, language: normalizeLanguage(lang) };
}

/** Titles often carry the site name after a separator: "Headline | Site" → "Headline". */
function withoutSiteName(value: string, publisher: string | null): string | null {
  const title = cleanSpaces(value);
  if (title.length === 0) return null;
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length > 1 && publisher !== null && parts.at(-1)?.toLowerCase() === publisher.toLowerCase())
    return parts.slice(0, -1).join(" - ");
  return title;
}

/** "en_GB" (Open Graph) and "en-GB" (HTML) both become "en": the collection records the language, not the region. */
function normalizeLanguage(value: string | null): string | null {
  const match = value === null ? null : /^([a-z]{2,3})(?:[-_][A-Za-z0-9]+)?$/i.exec(value.trim());
  return match?.[1]?.toLowerCase() ?? null;
}
