import { measureUnseen } from "./_unseen.ts";
const r = measureUnseen();
console.log(JSON.stringify({ ...r, precision: +(r.tp / (r.tp + r.fp || 1)).toFixed(3), recall: +(r.tp / (r.tp + r.fn || 1)).toFixed(3) }));
