export * from "./_schema.ts";
export { cacheRoot, loadRegistry } from "./_load.ts";
export { parseYamlWith } from "./_yaml.ts";
