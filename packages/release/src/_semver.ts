/** A data version: major when the schema breaks, minor when records are added, patch for corrections only. */
export type Bump = "major" | "minor" | "patch";

const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function isVersion(text: string): boolean {
  return VERSION.test(text);
}

function parts(version: string): [number, number, number] {
  const m = VERSION.exec(version);
  if (!m) throw new Error(`not a version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

export function bumpVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = parts(version);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The newest of some version names; names that are not versions are ignored. */
export function latestVersion(names: readonly string[]): string | null {
  return names.filter(isVersion).sort(compareVersions).at(-1) ?? null;
}
