import { dayOf, formatBytes, formatCount } from "./_format.ts";
import { type Html, html } from "./_html.ts";
import { CURRENT, type SiteCollection, type SiteVersion } from "./_input.ts";
import type { Page } from "./_layout.ts";
import { renderMarkdown } from "./_markdown.ts";
import { filePath, relativeHref, versionPath } from "./_paths.ts";

export interface Citation {
  text: string;
  bibtex: string;
}

// BibTeX reads braces and backslashes as markup; a title is data, so they go.
const bibValue = (text: string): string => text.replace(/[{}\\]/g, "");

/** How to cite one version: the title, the version and its release date, so a citation pins exact rows. */
export function citationOf(
  collection: Pick<SiteCollection, "name" | "title">,
  version: Pick<SiteVersion, "version" | "created">,
): Citation {
  const day = dayOf(version.created);
  const year = day?.slice(0, 4) ?? "n.d.";
  const text = `Parley contributors (${year}). ${collection.title} (version ${version.version}${day ? `, released ${day}` : ""}) [Data set]. Parley dataset ${collection.name} ${version.version}.`;
  const key = `parley-${collection.name}-${version.version}`.replace(/[^A-Za-z0-9-]/g, "-");
  const fields: Array<[string, string | null]> = [
    ["title", bibValue(collection.title)],
    ["author", "{Parley contributors}"],
    ["year", year],
    ["date", day],
    ["version", version.version],
    ["note", `Parley dataset ${bibValue(collection.name)}, version ${version.version}`],
  ];
  const body = fields.filter(([, v]) => v !== null).map(([k, v]) => `  ${k} = {${v}}`);
  return { text, bibtex: `@misc{${key},\n${body.join(",\n")}\n}` };
}

const SQLITE = /\.sqlite$/;

function fileRow(from: string, collection: string, version: string, file: SiteVersion["files"][number]): Html {
  return html`<tr><th scope="row"><a href="${relativeHref(from, filePath(collection, version, file.name))}" download>${file.name}</a></th><td data-bytes="${file.bytes}">${formatBytes(file.bytes)} <span class="muted">(${formatCount(file.bytes)} bytes)</span></td><td><code class="sha256">${file.sha256}</code></td></tr>`;
}

export function versionPage(collection: SiteCollection, version: SiteVersion): Page {
  const from = versionPath(collection.name, version.version);
  const to = (file: string): string => relativeHref(from, filePath(collection.name, version.version, file));
  const isCurrent = version.version === CURRENT;
  const datapackage = version.files.find((f) => f.name === "datapackage.json");
  const sqlite = version.files.find((f) => SQLITE.test(f.name));
  const citation = isCurrent ? null : citationOf(collection, version);
  const others = collection.versions.filter((v) => v.version !== version.version);
  const label = isCurrent ? "working build" : `version ${version.version}`;
  return {
    path: from,
    title: `${collection.title} ${isCurrent ? "(working build)" : version.version}`,
    main: html`<h1>${collection.title} <span class="version">${label}</span></h1>
<p class="lede">${collection.description}</p>
<dl class="facts">
<div><dt>Version</dt><dd>${isCurrent ? "working build (not released, may change)" : version.version}</dd></div>
${version.created ? html`<div><dt>Released</dt><dd><time datetime="${version.created}">${dayOf(version.created)}</time></dd></div>` : ""}
${collection.license ? html`<div><dt>License</dt><dd>${collection.license}</dd></div>` : ""}
</dl>
<section aria-labelledby="downloads"><h2 id="downloads">Download</h2>
<p>${datapackage ? html`<a class="button" href="${to(datapackage.name)}" download>Data package (datapackage.json)</a> ` : ""}${
      sqlite ? html`<a class="button" href="${to(sqlite.name)}" download>SQLite database (${sqlite.name})</a>` : ""
    }</p>
<p class="muted">Check a download against the SHA-256 below, e.g. <code>sha256sum meetings.csv</code>${version.files.some((f) => f.name === "SHA256SUMS") ? html`, or all at once with <code>sha256sum -c SHA256SUMS</code> in the folder` : ""}.</p>
<div class="table-wrap"><table class="files"><thead><tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead><tbody>
${version.files.map((f) => fileRow(from, collection.name, version.version, f))}
</tbody></table></div>
</section>
${
  citation
    ? html`<section aria-labelledby="cite"><h2 id="cite">Cite this version</h2>
<p class="citation">${citation.text}</p>
<details><summary>BibTeX</summary><pre><code>${citation.bibtex}</code></pre></details>
</section>`
    : ""
}
${version.readme ? html`<section aria-labelledby="readme"><h2 id="readme">README</h2><div class="markdown">${renderMarkdown(version.readme)}</div></section>` : ""}
${version.changelog ? html`<section aria-labelledby="changelog"><h2 id="changelog">Changelog</h2><div class="markdown">${renderMarkdown(version.changelog)}</div></section>` : ""}
<section aria-labelledby="versions"><h2 id="versions">Other versions</h2>
${
  others.length === 0
    ? html`<p>This is the only version.</p>`
    : html`<ul>${others.map(
        (v) =>
          html`<li><a href="${relativeHref(from, versionPath(collection.name, v.version))}">${v.version === CURRENT ? "working build" : v.version}</a>${v.created ? html` <span class="muted">(${dayOf(v.created)})</span>` : ""}</li>`,
      )}</ul>`
}
</section>`,
  };
}
