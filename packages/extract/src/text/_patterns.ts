/** A literal string as a regex source: names and forms from the registry go into patterns verbatim. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
