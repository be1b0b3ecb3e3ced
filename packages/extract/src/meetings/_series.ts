import type { Registry, RegistrySeries } from "@parley/registry";

interface SeriesPattern {
  pattern: RegExp;
  byForm: Map<string, RegistrySeries>;
}

const patterns = new WeakMap<Registry, SeriesPattern>();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// One pattern over every form the registry gives a series (data, not a word list in code).
function seriesPattern(registry: Registry): SeriesPattern {
  const hit = patterns.get(registry);
  if (hit) return hit;
  const byForm = new Map<string, RegistrySeries>();
  for (const series of registry.series)
    for (const form of [series.name, ...series.aliases]) byForm.set(form.toLowerCase(), series);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(forms.length > 0 ? `(?<![\\p{L}])(?:${forms.join("|")})(?![\\p{L}])` : "(?!)", "giu");
  const built = { pattern, byForm };
  patterns.set(registry, built);
  return built;
}

/** The first series the text names, by the registry's phrases. */
export function findSeries(text: string, registry: Registry): RegistrySeries | null {
  const { pattern, byForm } = seriesPattern(registry);
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  return m ? (byForm.get(m[0].toLowerCase()) ?? null) : null;
}
