import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv04Module, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { TABLE_NAMES } from "@parley/model";
import { fieldsOf } from "@parley/validate";
import { publishRelease, sha256Hex, tableSchemaOf } from "../src/index.ts";
import { META, NO_ASSERTIONS, refinedBuild, tempRoot } from "./_fixture.ts";

const profile = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, "profiles", `${name}.json`), "utf8")) as Record<string, unknown>;

// A CommonJS default export under NodeNext: the class is the module's `default`.
const Ajv04 = Ajv04Module.default;

const compiled = new Map<string, ValidateFunction>();
function validator(name: string): ValidateFunction {
  const known = compiled.get(name);
  if (known) return known;
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat("textarea", true);
  const validate = ajv.compile(profile(name));
  compiled.set(name, validate);
  return validate;
}

async function publishedDescriptor(): Promise<{
  dir: string;
  descriptor: Record<string, unknown> & { resources: Array<Record<string, unknown>> };
}> {
  const root = tempRoot();
  await publishRelease(refinedBuild(), {
    datasetsRoot: root,
    collection: META,
    assertions: NO_ASSERTIONS,
    created: "2026-11-23T13:00:00Z",
  });
  const dir = join(root, "moscow-format", "1.0.0");
  return { dir, descriptor: JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8")) as never };
}

describe("datapackage.json", () => {
  it("validates against the Frictionless data package profile, and each CSV against the tabular data resource profile", async () => {
    const { descriptor } = await publishedDescriptor();
    const validatePackage = validator("data-package");
    expect(validatePackage(descriptor), JSON.stringify(validatePackage.errors)).toBe(true);
    const validateTabular = validator("tabular-data-resource");
    const tabular = descriptor.resources.filter((r) => r.profile === "tabular-data-resource");
    expect(tabular.map((r) => r.name)).toEqual([...TABLE_NAMES, "redirects"]);
    for (const resource of tabular)
      expect(validateTabular(resource), `${String(resource.name)}: ${JSON.stringify(validateTabular.errors)}`).toBe(
        true,
      );
  });

  it("the profile check can fail: a descriptor without resources or with a bad resource name is rejected", () => {
    const validatePackage = validator("data-package");
    expect(validatePackage({ name: "moscow-format" })).toBe(false);
    expect(validatePackage({ name: "moscow-format", resources: [{ name: "Quotes CSV", path: "quotes.csv" }] })).toBe(
      false,
    );
    const validateTabular = validator("tabular-data-resource");
    const list = {
      name: "quotes",
      path: "quotes.csv",
      profile: "tabular-data-resource",
      schema: { fields: [{ name: "source_ids", type: "list" }] },
    };
    expect(validateTabular(list)).toBe(false);
  });

  it("declares version, created, license and sources, and every file's size and sha256", async () => {
    const { dir, descriptor } = await publishedDescriptor();
    expect(descriptor).toMatchObject({
      name: "moscow-format",
      version: "1.0.0",
      created: "2026-11-23T13:00:00Z",
      licenses: [{ name: "ODC-BY-1.0" }],
    });
    expect((descriptor.sources as Array<{ title: string }>).map((s) => s.title)).toEqual(
      refinedBuild().sources.map((s) => `${s.publisher}: ${s.title}`),
    );
    for (const resource of descriptor.resources) {
      const bytes = readFileSync(join(dir, String(resource.path)));
      expect(resource.bytes).toBe(bytes.byteLength);
      expect(resource.hash).toBe(`sha256:${sha256Hex(bytes)}`);
    }
  });
});

describe("tableSchemaOf", () => {
  it.each(TABLE_NAMES)("%s: the CSV header's columns, in order, with types", (table) => {
    const schema = tableSchemaOf(table);
    expect(schema.fields.map((f) => f.name)).toEqual(fieldsOf(table).map((f) => f.name));
  });

  it.each([
    ["meetings", "round", "integer", false],
    ["meetings", "meeting_id", "string", true],
    ["sources", "url", "string", false],
    ["quotes", "source_ids", "string", false],
    ["attendees", "participation", "string", true],
  ] as const)("%s.%s is %s, required: %s", (table, name, type, required) => {
    const field = tableSchemaOf(table).fields.find((f) => f.name === name);
    expect(field?.type).toBe(type);
    expect(field?.constraints?.required === true).toBe(required);
  });

  it("states keys and references", () => {
    expect(tableSchemaOf("quotes").primaryKey).toBe("quote_id");
    expect(tableSchemaOf("quotes").foreignKeys).toContainEqual({
      fields: "speaker_id",
      reference: { resource: "people", fields: "person_id" },
    });
    expect(tableSchemaOf("attendees").fields.find((f) => f.name === "participation")?.constraints?.enum).toEqual([
      "in_person",
      "remote",
      "written",
      "unknown",
    ]);
  });
});
