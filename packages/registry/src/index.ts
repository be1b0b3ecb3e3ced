export * from "./_schema.ts";
export { loadRegistry } from "./_load.ts";
export { parseYamlWith } from "./_yaml.ts";
