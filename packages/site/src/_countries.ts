import worldCountries, { type Country } from "world-countries";

// The package's types declare a CommonJS default that NodeNext reads as the module; the value is the array.
const countries = worldCountries as unknown as readonly Country[];

export interface CountryLabel {
  code: string;
  name: string;
  /** The flag emoji, or "" when world-countries has none (a code it does not know). */
  flag: string;
}

const byCode = new Map(countries.map((c) => [c.cca3, { name: c.name.common, flag: c.flag }]));

/** An ISO 3166-1 alpha-3 code as people read it: its flag and common name; the code stays visible beside them. */
export function countryLabel(code: string): CountryLabel {
  const known = byCode.get(code);
  return { code, name: known?.name ?? code, flag: known?.flag ?? "" };
}
