export { jsonSchemaOf, schemaFileName, fieldsOf, type FieldSpec, type JsonSchema } from "./_schemas.ts";
export { toCells, fromCell, parseCsv, neutralizeCell, restoreCell, LIST_SEPARATOR } from "./_csv.ts";
export {
  validateTables,
  validateRows,
  validateReferences,
  validateDatasetDir,
  formatViolation,
  Assertions,
  type Violation,
  type TableRows,
} from "./_validate.ts";
