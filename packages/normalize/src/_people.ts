import { foldName, personId } from "@parley/model";
import type { Registry, RegistryPerson } from "@parley/registry";

export interface ResolvedPerson {
  person_id: string;
  name: string;
  country: string | null;
  role: string | null;
  /** Spellings seen in the sources, other than the canonical name. */
  aliases: Set<string>;
}

/** Resolves name mentions to people: registry aliases first, then transliteration-folded keys for unknown people. */
export class PeopleIndex {
  private readonly byFold = new Map<string, RegistryPerson>();
  private readonly byLastName = new Map<string, RegistryPerson[]>();
  private readonly resolved = new Map<string, ResolvedPerson>();

  constructor(registry: Registry) {
    for (const person of registry.people) {
      for (const spelling of [person.name, ...person.aliases]) this.byFold.set(foldName(spelling), person);
      const last = foldName(person.name).split(" ").at(-1);
      if (last) this.byLastName.set(last, [...(this.byLastName.get(last) ?? []), person]);
    }
  }

  /** The person a mention names; registers the spelling as an alias. */
  resolve(name: string, country: string | null, role: string | null): ResolvedPerson {
    const folded = foldName(name);
    const known = this.byFold.get(folded) ?? this.uniqueByLastName(folded);
    const canonical = known?.name ?? name;
    const id = personId(known ? known.name : folded);
    let person = this.resolved.get(id);
    if (!person) {
      person = {
        person_id: id,
        name: canonical,
        country: known?.country ?? country,
        role: known?.role ?? role,
        aliases: new Set(),
      };
      this.resolved.set(id, person);
    }
    if (name !== person.name && name.includes(" ")) person.aliases.add(name);
    if (person.country === null && country !== null) person.country = country;
    if (person.role === null && role !== null) person.role = role;
    return person;
  }

  // A bare surname or a longer form ("Foreign Minister Wang") matches only when one registry person has that surname.
  private uniqueByLastName(folded: string): RegistryPerson | undefined {
    const parts = folded.split(" ");
    const last = parts.at(-1);
    if (!last) return undefined;
    const candidates = this.byLastName.get(last) ?? [];
    if (candidates.length !== 1) return undefined;
    const candidate = candidates[0];
    if (!candidate) return undefined;
    const first = parts.length > 1 ? parts[0] : undefined;
    const candidateFirst = foldName(candidate.name).split(" ")[0];
    return first === undefined || first === candidateFirst ? candidate : undefined;
  }

  all(): ResolvedPerson[] {
    return [...this.resolved.values()];
  }
}
