// General vocabulary of official titles: words, not people. A title is zero or more modifiers and a head.
const MODIFIERS = [
  "acting", "deputy", "special", "vice", "foreign", "prime", "first", "senior", "supreme", "defense", "defence",
  "interior", "external", "affairs", "presidential", "permanent", "chief", "state", "top", "finance", "trade",
  "security", "intelligence", "national", "former", "assistant", "executive", "press", "justice", "economy",
  "energy", "military", "ministry", "department", "foreign-ministry", "political",
];
const HEADS = [
  "minister", "president", "ambassador", "envoy", "representative", "spokesperson", "spokesman", "spokeswoman",
  "director", "secretary", "chancellor", "chairman", "chairwoman", "chair", "leader", "commander", "general",
  "aide", "adviser", "advisor", "chief", "head", "emir", "king", "queen", "prince", "governor", "mayor",
  "senator", "diplomat", "negotiator", "premier", "official", "counsellor", "councillor",
];

export const TITLE_WORD = new RegExp(`^(?:${[...MODIFIERS, ...HEADS].join("|")})$`, "i");
export const TITLE_HEAD = new RegExp(`^(?:${HEADS.join("|")})$`, "i");

// A word as a regex source matching it lowercase or capitalized, so the rest of a pattern stays case-sensitive.
const either = (word: string): string => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`;

/** "Oman's special envoy for Yemen" → the title part as a regex source (lowercase or capitalized). */
export const TITLE_PHRASE = `(?:(?:${MODIFIERS.map(either).join("|")})\\s+)*(?:${HEADS.map(either).join("|")})\\b`;

const SMALL = /^(?:of|on|for|the|and|to|in|at)$/i;

/** A title as reported, in title case: "special envoy for Yemen" → "Special Envoy for Yemen". */
export function titleCase(role: string): string {
  return role
    .trim()
    .split(/\s+/)
    .map((w, i) => (i > 0 && SMALL.test(w) ? w.toLowerCase() : /^\p{Ll}/u.test(w) ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(" ");
}
