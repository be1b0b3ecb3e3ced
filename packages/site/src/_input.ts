import { z } from "zod";
import type { Dataset } from "@parley/model";

// What the site is built from, parsed at the boundary; the renderers only see these types.

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "a sha256 in hex");

export const IndexFile = z.object({
  name: z
    .string()
    .min(1)
    .regex(/^[^/\\]+$/, "a file name without folders"),
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
});

/** `datasets/index.json`, as `@parley/release` writes it. */
export const CatalogIndex = z.object({
  collections: z.array(
    z.object({
      name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a lowercase collection name"),
      title: z.string().nullable(),
      latest: z.string().min(1),
      versions: z.array(
        z.object({
          version: z.string().regex(/^\d+\.\d+\.\d+$/, "a version X.Y.Z"),
          created: z.string().nullable(),
          path: z.string().min(1),
          files: z.array(IndexFile),
        }),
      ),
    }),
  ),
});
export type CatalogIndex = z.infer<typeof CatalogIndex>;

/** The few fields of `datapackage.json` the site shows. */
export const DataPackageInfo = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  licenses: z
    .array(z.object({ name: z.string().optional(), title: z.string().optional(), path: z.string().optional() }))
    .optional(),
});
export type DataPackageInfo = z.infer<typeof DataPackageInfo>;

export interface SiteFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface SiteVersion {
  /** "1.2.0", or "current" for the working build. */
  version: string;
  created: string | null;
  files: SiteFile[];
  readme: string | null;
  changelog: string | null;
}

export interface SiteCollection {
  name: string;
  title: string;
  description: string;
  license: string | null;
  /** Newest first; the working build, when included, comes first. */
  versions: SiteVersion[];
  /** The version whose rows the meeting, person and search pages show. */
  shown: string;
  dataset: Dataset;
}

export interface SiteInput {
  collections: SiteCollection[];
}

export const CURRENT = "current";
