export { tokenize, type Token } from "./_tokens.ts";
export { paragraphs, sentences, unwrapLines, type Sentence } from "../doc/_sentences.ts";
export { countryWords, countryAt, firstCountry, countryLexicon, CountryLexicon, type CountryWords, type CountryMention } from "./_countries.ts";
export { findPeople, foldedSurname, foldPersonName, type NameHit, type NamedPerson } from "./_names.ts";
export * from "./_lexicon.ts";
export { pronounResolver } from "./_pronouns.ts";
export { escapeRegExp } from "./_patterns.ts";
