import worldCountries, { type Country } from "world-countries";
import type { Registry } from "@parley/registry";

// The package is CommonJS: its default import is the array itself, whatever its typings say.
const countries = worldCountries as unknown as readonly Country[];

/** A word or name in the text that stands for a country. */
export interface CountryMention {
  code: string;
  start: number;
  end: number;
  form: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Library forms for sovereign states only: "Indian" and "American" are then unambiguous.
function libraryForms(): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  const add = (form: string, code: string): void => {
    if (!/^\p{Lu}/u.test(form) || form.length < 3) return;
    forms.set(form, (forms.get(form) ?? new Set()).add(code));
  };
  for (const c of countries) {
    if (!c.independent && !c.unMember) continue;
    add(c.name.common, c.cca3);
    add(c.name.official, c.cca3);
    const demonym = c.demonyms["eng"];
    if (demonym) {
      add(demonym.m, c.cca3);
      add(demonym.f, c.cca3);
    }
    // Alternative spellings, but not two-letter codes or native-script names.
    for (const alt of c.altSpellings) if (alt.length > 3 && /^[\p{Lu}][\p{L} .'-]+$/u.test(alt)) add(alt, c.cca3);
  }
  return forms;
}

let LIBRARY: Map<string, Set<string>> | undefined;

/** Country names and demonyms: world-countries for sovereign states, overridden by the registry's curated forms. */
export class CountryLexicon {
  private readonly byForm = new Map<string, string>();
  private readonly pattern: RegExp | null;
  private readonly sticky: RegExp | null;

  constructor(registry: Registry) {
    LIBRARY ??= libraryForms();
    for (const [form, codes] of LIBRARY) if (codes.size === 1) this.byForm.set(form, [...codes][0] as string);
    for (const entry of registry.country_aliases) for (const name of entry.names) this.byForm.set(name, entry.country);
    const forms = [...this.byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const source = `(?<![\\p{L}\\p{N}.])(?:${forms.map(escape).join("|")})(?![\\p{L}\\p{N}]|\\.\\p{L})`;
    this.pattern = forms.length > 0 ? new RegExp(source, "gu") : null;
    this.sticky = forms.length > 0 ? new RegExp(source, "uy") : null;
  }

  /** The country's capital cities, as the library names them ("RUS" → ["Moscow"]). */
  capitalsOf(code: string): string[] {
    return countries.find((c) => c.cca3 === code)?.capital ?? [];
  }

  /** The country's common English name ("IRN" → "Iran"), or the code when the library lacks it. */
  nameOf(code: string): string {
    return countries.find((c) => c.cca3 === code)?.name.common ?? code;
  }

  /** The country a single word or name stands for ("Iranian" → IRN), or null. */
  codeOf(form: string): string | null {
    return this.byForm.get(form.trim().replace(/['’]s$/, "")) ?? null;
  }

  /** The country mention starting exactly at `position`, if any. */
  at(text: string, position: number): CountryMention | null {
    if (!this.sticky) return null;
    this.sticky.lastIndex = position;
    const m = this.sticky.exec(text);
    return m ? { code: this.byForm.get(m[0]) as string, start: position, end: position + m[0].length, form: m[0] } : null;
  }

  /** Every country mention in a text, in order; offsets are relative to `text` plus `offset`. */
  find(text: string, offset = 0): CountryMention[] {
    if (!this.pattern) return [];
    return [...text.matchAll(this.pattern)].map((m) => ({
      code: this.byForm.get(m[0]) as string,
      start: offset + (m.index ?? 0),
      end: offset + (m.index ?? 0) + m[0].length,
      form: m[0],
    }));
  }
}
