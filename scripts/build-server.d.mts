/** The sources' fingerprint: what a build is made from (paths, sizes, modification times). */
export function sourceFingerprint(src?: string): string;
/** The compiled CLI of the current sources (build/<fingerprint>/cli/main.js), built first when there is none. */
export function ensureServerBuild(opts?: { src?: string; out?: string; log?: (message: string) => unknown }): Promise<string>;
