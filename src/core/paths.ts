import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the project's package.json, found upwards from `from`. */
export function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

/**
 * The project's root, whether this code runs from src/ (tsx, tests) or from a compiled build of it
 * (build/<fingerprint>/, scripts/build-server.mjs): paths to the web app and the CLI start here rather
 * than at a fixed number of `..` from the module.
 */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
