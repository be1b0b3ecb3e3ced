import { z } from "zod";
import { ALL_TABLES, type AnyTableName } from "@parley/model";

export type JsonSchema = Record<string, unknown>;

const SCHEMA_BASE = "https://parley.example/schemas";

/** The JSON Schema of one table's records, generated from its zod model. */
export function jsonSchemaOf(table: AnyTableName): JsonSchema {
  const schema = z.toJSONSchema(ALL_TABLES[table].schema, { target: "draft-2020-12" }) as JsonSchema;
  return {
    $schema: schema.$schema,
    $id: `${SCHEMA_BASE}/${table}.schema.json`,
    title: `Parley ${table} record`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

/** File name of a table's schema in `schemas/`. */
export function schemaFileName(table: AnyTableName): string {
  return `${table}.schema.json`;
}

export type FieldKind = "string" | "integer" | "number" | "boolean" | "list";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  nullable: boolean;
}

function kindOf(node: JsonSchema): { kind: FieldKind; nullable: boolean } {
  // zod writes a nullable field as `anyOf: [T, null]` or as `type: [T, "null"]`.
  const variants = (node.anyOf as JsonSchema[] | undefined) ?? [node];
  const types = variants.flatMap((v) => (Array.isArray(v.type) ? (v.type as string[]) : [v.type as string]));
  const nullable = types.includes("null");
  const type = types.find((t) => t !== "null");
  const kind: FieldKind =
    type === "array"
      ? "list"
      : type === "integer"
        ? "integer"
        : type === "number"
          ? "number"
          : type === "boolean"
            ? "boolean"
            : "string";
  return { kind, nullable };
}

/** The columns of a table in contract order, with how each is written in CSV. */
export function fieldsOf(table: AnyTableName): FieldSpec[] {
  const properties = (jsonSchemaOf(table).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, node]) => ({ name, ...kindOf(node) }));
}
