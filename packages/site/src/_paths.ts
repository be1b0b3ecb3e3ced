// Where each page lives. Every link is relative, so the site works from file:// and under any base path.

/** A file name from an ID: "meeting:moscow-format:2024-10:moscow" → "moscow-format-2024-10-moscow". */
export function slugOf(id: string): string {
  return id
    .replace(/^(meeting|person):/, "")
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}

export const homePath = (): string => "index.html";
export const searchPath = (): string => "search.html";
export const versionPath = (collection: string, version: string): string => `${collection}/${version}/index.html`;
export const filePath = (collection: string, version: string, name: string): string =>
  `${collection}/${version}/${name}`;
export const meetingPath = (collection: string, slug: string): string => `${collection}/meetings/${slug}.html`;
export const personPath = (collection: string, slug: string): string => `${collection}/people/${slug}.html`;

/** The link from one page to another, both given from the site root: "a/b/x.html" to "a/c/y.html" is "../c/y.html". */
export function relativeHref(from: string, to: string): string {
  const dir = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < dir.length && common < target.length - 1 && dir[common] === target[common]) common++;
  return `${"../".repeat(dir.length - common)}${target.slice(common).join("/")}`;
}
