import MarkdownIt from "markdown-it";
import { type Html, trusted } from "./_html.ts";

// Raw HTML off: a README or CHANGELOG that holds "<script>" shows it as text. markdown-it's own link check
// already refuses javascript:, vbscript:, file: and most data: URLs.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** A README or CHANGELOG as HTML, its headings pushed down two levels: below the page's h1 and the section's h2. */
export function renderMarkdown(text: string): Html {
  const shifted = text.replace(/^(#{1,4}) /gm, "$1## ");
  // Table columns aligned in Markdown ("|---:|") come out as inline styles, which the pages' policy (style-src
  // 'self') refuses: a class from the site's stylesheet aligns them instead.
  return trusted(md.render(shifted).replace(/ style="text-align:(left|right|center)"/g, ' class="align-$1"'));
}
