import { type Html, html, type HtmlValue } from "./_html.ts";
import { homePath, relativeHref, searchPath } from "./_paths.ts";

/**
 * No inline script or style anywhere, so the policy can forbid both: a hostile string that slipped past
 * escaping still could not run. Scripts and styles come from the site's own files only.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

export interface Page {
  /** Where the page lives, from the site root: "moscow-format/1.0.0/index.html". */
  path: string;
  title: string;
  main: Html;
  /** Site-root paths of scripts the page loads (deferred). */
  scripts?: string[];
}

export function renderPage(page: Page): string {
  const to = (target: string): string => relativeHref(page.path, target);
  const scripts: HtmlValue[] = (page.scripts ?? []).map((s) => html`<script src="${to(s)}" defer></script>`);
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${page.title} · Parley</title>
<link rel="stylesheet" href="${to("assets/site.css")}">
${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<nav aria-label="Site"><a class="brand" href="${to(homePath())}">Parley</a> <a href="${to(searchPath())}">Search quotes</a></nav>
</header>
<main id="main">
${page.main}
</main>
<footer class="site"><p>Parley: open, versioned datasets of diplomatic meetings, attendees and quotes, read from news articles. Every row names its sources.</p></footer>
</body>
</html>
`}`;
}
