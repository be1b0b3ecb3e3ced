export { renderDataset } from "./_render.ts";
export { publishDataset, recoverInterruptedSwap, ValidationFailed } from "./_publish.ts";
