// A worker of the extraction pool. The workspace packages ship TypeScript sources, so each worker registers tsx
// before it loads them (a worker thread does not inherit the loader hooks of the thread that started it).
import { register } from "tsx/esm/api";

register();
const { extractBatch } = await import("./_work.ts");

export default extractBatch;
