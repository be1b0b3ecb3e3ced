import { GENDERED_WORDS } from "../text/_lexicon.ts";
import type { NamedPerson } from "./_attribute.ts";

// "She said" after a sentence about a spokesman is the spokeswoman quoted before: pronouns agree in gender with what
// the text tells of a person, their role's words ("spokeswoman", "king"). First names are not read: lists of
// English first names call many diplomats' names the other gender ("Andrei" is a woman's name in English lists).

type Gender = "female" | "male";

/** What the text tells of a person's gender; null when it tells nothing. */
export function genderOf(person: NamedPerson): Gender | null {
  for (const word of (person.role ?? "").toLowerCase().split(/[^\p{L}]+/u)) {
    if (GENDERED_WORDS.female.has(word)) return "female";
    if (GENDERED_WORDS.male.has(word)) return "male";
  }
  return null;
}

const PRONOUN_GENDERS: Readonly<Record<string, Gender>> = { he: "male", him: "male", she: "female", her: "female" };

/** Whether `pronoun` ("he", "She", "her") can stand for `person`: a pronoun without gender ("they") always can. */
export function agrees(pronoun: string, person: NamedPerson): boolean {
  const wanted = PRONOUN_GENDERS[pronoun.toLowerCase()];
  if (wanted === undefined || person.unnamed) return true;
  const gender = genderOf(person);
  return gender === null || gender === wanted;
}
