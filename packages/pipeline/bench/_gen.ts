import { loadRegistry } from "@parley/registry";
import { articleGenerator, loadWorld, writeCorpus } from "./_corpus.ts";
const gen = articleGenerator(loadWorld(loadRegistry(process.argv[4] ?? "../../pipelines/registry")));
writeCorpus(process.argv[2] as string, gen, 0, Number(process.argv[3]));
