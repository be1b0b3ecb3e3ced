import { ALL_TABLES, type AnyTableName } from "@parley/model";
import { fieldsOf, jsonSchemaOf, LIST_SEPARATOR, type JsonSchema } from "@parley/validate";

/** A Frictionless Table Schema field (v1). */
export interface TableSchemaField {
  name: string;
  type: "string" | "integer" | "number" | "boolean";
  description?: string;
  constraints?: { required?: boolean; enum?: unknown[]; pattern?: string; minLength?: number; maxLength?: number };
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues: string[];
  primaryKey?: string | string[];
  foreignKeys?: Array<{ fields: string; reference: { resource: string; fields: string } }>;
}

// References between tables that a Table Schema can state (list columns such as source_ids cannot).
const FOREIGN_KEYS: Partial<Record<AnyTableName, Array<[string, AnyTableName]>>> = {
  attendees: [
    ["meeting_id", "meetings"],
    ["person_id", "people"],
  ],
  quotes: [
    ["meeting_id", "meetings"],
    ["speaker_id", "people"],
  ],
  quote_sources: [
    ["quote_id", "quotes"],
    ["source_id", "sources"],
  ],
  roles: [["person_id", "people"]],
  evidence: [["source_id", "sources"]],
};

function mainVariant(node: JsonSchema): JsonSchema {
  const variants = (node.anyOf as JsonSchema[] | undefined) ?? [node];
  return (
    variants.find(
      (v) => v.type !== "null" && !(Array.isArray(v.type) && v.type.length === 1 && v.type[0] === "null"),
    ) ?? {}
  );
}

/** The Table Schema of a table's CSV file, derived from its JSON Schema and CSV field kinds. */
export function tableSchemaOf(table: AnyTableName): TableSchema {
  const properties = (jsonSchemaOf(table).properties ?? {}) as Record<string, JsonSchema>;
  const fields = fieldsOf(table).map((spec): TableSchemaField => {
    const outer = properties[spec.name] ?? {};
    const node = mainVariant(outer);
    const description = (outer.description ?? node.description) as string | undefined;
    const nullable = spec.nullable || (Array.isArray(node.type) && node.type.includes("null"));
    const constraints: NonNullable<TableSchemaField["constraints"]> = {};
    if (!nullable && spec.kind !== "list") constraints.required = true;
    if (Array.isArray(node.enum)) constraints.enum = node.enum as unknown[];
    if (typeof node.pattern === "string") constraints.pattern = node.pattern;
    if (typeof node.minLength === "number" && spec.kind !== "list") constraints.minLength = node.minLength;
    if (typeof node.maxLength === "number" && spec.kind !== "list") constraints.maxLength = node.maxLength;
    const field: TableSchemaField = { name: spec.name, type: spec.kind === "list" ? "string" : spec.kind };
    const listNote =
      spec.kind === "list" ? ` A list: items joined with '${LIST_SEPARATOR}' in CSV (an array in the JSON file).` : "";
    if (description !== undefined || listNote) field.description = `${description ?? ""}${listNote}`.trim();
    if (Object.keys(constraints).length > 0) field.constraints = constraints;
    return field;
  });
  const schema: TableSchema = { fields, missingValues: [""] };
  const { key, identity } = ALL_TABLES[table];
  if (key !== null) schema.primaryKey = key;
  else if (table !== "evidence") schema.primaryKey = [...identity];
  const foreignKeys = FOREIGN_KEYS[table];
  if (foreignKeys)
    schema.foreignKeys = foreignKeys.map(([field, resource]) => ({
      fields: field,
      reference: { resource, fields: ALL_TABLES[resource].key as string },
    }));
  return schema;
}

/** Schema changes between two releases: dropped, renamed or retyped columns break; new columns and tables do not. */
export function diffSchemas(
  before: Record<string, readonly TableSchemaField[]>,
  after: Record<string, readonly TableSchemaField[]>,
): { breaking: string[]; additive: string[] } {
  const breaking: string[] = [];
  const additive: string[] = [];
  for (const [table, oldFields] of Object.entries(before)) {
    const newFields = after[table];
    if (!newFields) {
      breaking.push(`table ${table} removed`);
      continue;
    }
    const now = new Map(newFields.map((f) => [f.name, f]));
    for (const field of oldFields) {
      const next = now.get(field.name);
      if (!next) breaking.push(`${table}.${field.name} removed`);
      else if (next.type !== field.type)
        breaking.push(`${table}.${field.name} changed type from ${field.type} to ${next.type}`);
      // A column that was always filled and may now be empty breaks a reader that relied on it.
      else if (field.constraints?.required === true && next.constraints?.required !== true)
        breaking.push(`${table}.${field.name} may now be empty`);
    }
    const old = new Set(oldFields.map((f) => f.name));
    for (const field of newFields) if (!old.has(field.name)) additive.push(`${table}.${field.name} added`);
  }
  for (const table of Object.keys(after)) if (!(table in before)) additive.push(`table ${table} added`);
  return { breaking, additive };
}
