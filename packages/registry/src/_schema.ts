import { z } from "zod";
import { CountryCode } from "@parley/model";

const Name = z.string().trim().min(1);

/** A known person: canonical name, spellings seen in the news, and the country they represent. */
export const RegistryPerson = z.strictObject({
  name: Name,
  aliases: z.array(Name).default([]),
  country: CountryCode.nullable().default(null),
  role: Name.nullable().default(null),
  /** An international organisation the person speaks for ("UN"), when no country. */
  organization: Name.optional(),
  /** Where the entry comes from (a reference list of office holders). */
  source: z.url().optional(),
});

/** A named group of countries ("BRICS", "the guarantor states") with its members over time. */
export const RegistryGroup = z.strictObject({
  name: Name,
  aliases: z.array(Name).default([]),
  members: z
    .array(
      z.strictObject({
        countries: z.array(CountryCode).min(1),
        from: z.string().regex(/^\d{4}(-\d{2})?$/),
        to: z
          .string()
          .regex(/^\d{4}(-\d{2})?$/)
          .nullable(),
      }),
    )
    .min(1),
  source: z.url().optional(),
  note: z.string().optional(),
});

export const RegistryPlace = z.strictObject({
  city: Name,
  country: CountryCode,
  aliases: z.array(Name).default([]),
});

/** A meeting series: the phrases that name it in text, and where it is usually held. */
export const RegistrySeries = z.strictObject({
  name: Name,
  aliases: z.array(Name).default([]),
  host_country: CountryCode.nullable().default(null),
});

/** Words that stand for a country but are not in the country library ("Uzbek", "Kabul" for its government). */
export const RegistryCountryAlias = z.strictObject({
  country: CountryCode,
  names: z.array(Name).min(1),
});

/** Publisher boilerplate: a line starting with a marker begins text that is not the article, up to the end. */
export const RegistryPublisher = z.strictObject({
  name: Name,
  aliases: z.array(Name).default([]),
  boilerplate_from: z.array(Name).default([]),
  boilerplate_lines: z.array(Name).default([]),
});

/**
 * One entry of the controlled vocabulary of roles: the phrases that name it in a role as an article writes it
 * ("Taliban's Acting Foreign Minister" → acting-foreign-minister), the longest phrase found deciding.
 * `examples` are roles as articles write them; the tests check each maps to this key.
 */
export const RegistryRole = z.strictObject({
  key: z.string().regex(/^[a-z]+(-[a-z]+)*$/, "a lowercase key with dashes, e.g. foreign-minister"),
  label: Name,
  phrases: z.array(Name).min(1),
  examples: z.array(Name).min(1),
});

/** A state institution whose name tells the country of an unnamed speaker ("State Department spokesperson" → USA). */
export const RegistryInstitution = z.strictObject({
  name: Name,
  aliases: z.array(Name).default([]),
  country: CountryCode,
});

export const Registry = z.object({
  people: z.array(RegistryPerson),
  places: z.array(RegistryPlace),
  series: z.array(RegistrySeries),
  country_aliases: z.array(RegistryCountryAlias),
  publishers: z.array(RegistryPublisher),
  groups: z.array(RegistryGroup).default([]),
  roles: z.array(RegistryRole).default([]),
  institutions: z.array(RegistryInstitution).default([]),
});
export type Registry = z.infer<typeof Registry>;
export type RegistryPerson = z.infer<typeof RegistryPerson>;
export type RegistryPlace = z.infer<typeof RegistryPlace>;
export type RegistrySeries = z.infer<typeof RegistrySeries>;
export type RegistryPublisher = z.infer<typeof RegistryPublisher>;
export type RegistryGroup = z.infer<typeof RegistryGroup>;
export type RegistryRole = z.infer<typeof RegistryRole>;
export type RegistryInstitution = z.infer<typeof RegistryInstitution>;

export const REGISTRY_FILES = {
  people: { file: "people.yaml", schema: z.array(RegistryPerson) },
  places: { file: "places.yaml", schema: z.array(RegistryPlace) },
  series: { file: "series.yaml", schema: z.array(RegistrySeries) },
  country_aliases: { file: "countries.yaml", schema: z.array(RegistryCountryAlias) },
  publishers: { file: "publishers.yaml", schema: z.array(RegistryPublisher) },
  groups: { file: "groups.yaml", schema: z.array(RegistryGroup) },
  world_people: { file: "people-world.yaml", schema: z.array(RegistryPerson) },
  roles: { file: "roles.yaml", schema: z.array(RegistryRole) },
  institutions: { file: "institutions.yaml", schema: z.array(RegistryInstitution) },
} as const;

export const EMPTY_REGISTRY: Registry = {
  people: [],
  places: [],
  series: [],
  country_aliases: [],
  publishers: [],
  groups: [],
  roles: [],
  institutions: [],
};
