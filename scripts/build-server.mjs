// The server as JavaScript. `bin/fazhi.js` runs build/<fingerprint>/ — src/**/*.ts (tests excluded)
// transpiled by esbuild file by file into the same layout, with the other files of src (the SQL migrations, the
// ledger reader's worker) copied beside them — so a start does not compile TypeScript (tsx took
// about half of the cold start). The build is remade when the sources' fingerprint (each file's
// path, size and modification time) has no build yet: a first start or a changed source costs about
// a second; otherwise a start reads ~370 file stats.
// `node scripts/build-server.mjs` builds (if stale) and prints where.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every file under `dir` (relative paths, sorted), tests and editors' leftovers excluded. */
function sourceFiles(dir, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, base, out);
    else if (!/\.test\.ts$|~$|\.swp$/.test(e.name)) out.push(path.relative(base, p));
  }
  return out.sort();
}

/** The sources' fingerprint: what a build was made from (paths, sizes, modification times). */
export function sourceFingerprint(src = path.join(root, 'src')) {
  const h = crypto.createHash('sha256');
  for (const f of sourceFiles(src)) {
    const s = fs.statSync(path.join(src, f));
    h.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest('hex');
}

/**
 * The compiled CLI of the current sources, built first when there is none: each build lives in
 * build/<fingerprint>/ and is written beside it and renamed into place, so a process starting
 * meanwhile never reads half of one, and two starters racing keep whichever landed first. A build
 * stays while a server started from it may still read it (its SQL, its worker): the three newest
 * are kept.
 */
export async function ensureServerBuild({ src = path.join(root, 'src'), out = path.join(root, 'build'), log = () => {} } = {}) {
  const dir = path.join(out, sourceFingerprint(src).slice(0, 16));
  const entry = path.join(dir, 'cli', 'main.js');
  if (fs.existsSync(entry)) return entry;
  log('正在编译服务端（TypeScript → JavaScript，约一秒）…');
  const { build } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}`;
  const files = sourceFiles(src);
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => path.join(src, f)),
    outbase: src,
    outdir: tmp,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Node 20 reads `with { type: 'json' }` (the calendar's data); esbuild's node20 table would drop it.
    supported: { 'import-attributes': true },
    sourcemap: true,
    logLevel: 'error',
  });
  for (const f of files.filter((f) => !f.endsWith('.ts'))) {
    fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
    fs.copyFileSync(path.join(src, f), path.join(tmp, f));
  }
  try {
    fs.renameSync(tmp, dir);
  } catch {
    // Another starter put the same build in place first.
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const builds = fs
    .readdirSync(out, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name))
    .map((e) => ({ p: path.join(out, e.name), t: fs.statSync(path.join(out, e.name)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const old of builds.slice(3)) fs.rmSync(old.p, { recursive: true, force: true });
  return entry;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(await ensureServerBuild({ log: console.log }));
}
