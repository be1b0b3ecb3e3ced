import type { RoleRecord } from "@parley/model";
import type { RegistryInstitution, RegistryRole } from "@parley/registry";

// A large corpus repeats a few hundred roles hundreds of thousands of times: each is read into words once.
const wordsOf = new Map<string, string>();

/** Lowercase words of a role or phrase, possessives and punctuation dropped: "Russia’s special representative" → "russia special representative". */
function roleWords(text: string): string {
  let words = wordsOf.get(text);
  if (words === undefined) {
    words = ` ${text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/['’]s\b/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()} `;
    if (wordsOf.size >= 100_000) wordsOf.clear();
    wordsOf.set(text, words);
  }
  return words;
}

// A role cut short by the name finder ("director of the") says less than it seems: no role is better.
const DANGLING = /\b(?:the|of|a|an|for|on|to|and|in)$/i;

/** A role as the article writes it, or null when what was read is not a whole role. */
export function reportedRole(role: string | null | undefined): string | null {
  const text = role?.trim() ?? "";
  return text.length === 0 || DANGLING.test(text) ? null : text;
}

/** The vocabulary key of a role as written: the entry whose phrase found in it is longest; null when none. */
export function roleKeyOf(role: string | null, vocabulary: readonly RegistryRole[]): string | null {
  if (role === null) return null;
  const words = roleWords(role);
  let best: { key: string; length: number } | null = null;
  for (const entry of vocabulary) {
    for (const phrase of entry.phrases) {
      const wanted = roleWords(phrase);
      if (words.includes(wanted) && (best === null || wanted.length > best.length))
        best = { key: entry.key, length: wanted.length };
    }
  }
  return best?.key ?? null;
}

/** The country of the state institution a role names ("State Department spokesperson" → USA); null when none or several. */
export function institutionCountry(text: string, institutions: readonly RegistryInstitution[]): string | null {
  const words = roleWords(text);
  const countries = new Set(
    institutions.filter((i) => [i.name, ...i.aliases].some((n) => words.includes(roleWords(n)))).map((i) => i.country),
  );
  return countries.size === 1 ? ([...countries][0] ?? null) : null;
}

const fold = (role: string): string => roleWords(role).trim();

/** Of the roles several sources give one person for one row: the one that says all the others do ("Acting Foreign Minister" over "Foreign Minister"), else the first. */
export function chooseRole(roles: ReadonlyArray<string | null>): string | null {
  const known = roles.filter((r): r is string => r !== null);
  const fullest = known.find((r) => known.every((other) => roleWords(r).includes(roleWords(other))));
  return fullest ?? known[0] ?? null;
}

/** One sighting of a person in a role: which source, and the date it shows them in it. */
export interface RoleSighting {
  person_id: string;
  role: string;
  country: string | null;
  source_id: string;
  date: string | null;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The roles table: one row per person and role as written (case and possessives folded), dated by the sightings. */
export function rolesTable(sightings: readonly RoleSighting[], vocabulary: readonly RegistryRole[]): RoleRecord[] {
  // Sources kept as a set per row and sorted once: a role in every article of a large corpus stays linear.
  const rows = new Map<string, { row: RoleRecord; sources: Set<string> }>();
  const ordered = [...sightings].sort((a, b) => byText(a.source_id, b.source_id));
  for (const s of ordered) {
    const id = `${s.person_id}\u0000${fold(s.role)}`;
    const known = rows.get(id);
    if (!known) {
      rows.set(id, {
        row: {
          person_id: s.person_id,
          role: s.role,
          role_key: roleKeyOf(s.role, vocabulary),
          country: s.country,
          from: s.date,
          to: s.date,
          source_ids: [],
        },
        sources: new Set([s.source_id]),
      });
      continue;
    }
    const { row, sources } = known;
    sources.add(s.source_id);
    row.country ??= s.country;
    if (s.date !== null) {
      if (row.from === null || s.date < row.from) row.from = s.date;
      if (row.to === null || s.date > row.to) row.to = s.date;
    }
  }
  return [...rows.values()]
    .map(({ row, sources }) => ({ ...row, source_ids: [...sources].sort(byText) }))
    .sort((a, b) => byText(a.person_id, b.person_id) || byText(a.role, b.role));
}
