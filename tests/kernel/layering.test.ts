/**
 * The code's layering, checked on the sources (a test that fails names the file):
 * the kernel imports no module; a module uses another only through its index (or its labels,
 * which are data); labels files import only labels, and are all the web app takes from the server; a module
 * writes only the tables its own migrations create; query-builder calls sit in
 * repositories and metrics (and demo loaders), not in commands, ledgers, routes or presenters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
const root = path.resolve(import.meta.dirname, '../..');

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
const sources = (dir: string) =>
  walk(path.join(root, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map(rel);
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
const moduleOf = (f: string) => f.split('/')[2] ?? '';

describe('layering', () => {
  it('the kernel imports no module', () => {
    const offenders = sources('src/core').filter((f) => /from '(\.\.\/)+modules\//.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it("a module uses another module only through that module's index (or its labels)", () => {
    const offenders = sources('src/modules').flatMap((f) =>
      [...read(f).matchAll(/from '(?:\.\.\/)+([a-z]+)\/([^']+)'/g)]
        .filter(([, mod, file]) => mod !== 'core' && mod !== moduleOf(f) && file !== 'index.js' && file !== 'labels.js')
        .map(([m]) => `${f}: ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it('labels files are data: they import only other labels files', () => {
    const labels = [...sources('src/modules').filter((f) => f.endsWith('/labels.ts')), 'src/core/labels.ts'];
    expect(labels.length).toBeGreaterThan(15);
    const offenders = labels.flatMap((f) =>
      [...read(f).matchAll(/from '([^']+)'/g)].filter(([, spec]) => !/(^|\/)labels\.js$/.test(spec as string)).map(([m]) => `${f}: ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the web app takes from the server sources only their labels', () => {
    const web = walk(path.join(root, 'web/src'))
      .filter((f) => /\.tsx?$/.test(f))
      .map(rel);
    const offenders = web.flatMap((f) =>
      [...read(f).matchAll(/from '((?:\.\.\/)+src\/[^']+)'/g)].filter(([, spec]) => !/\/labels$/.test(spec as string)).map(([m]) => `${f}: ${m}`),
    );
    expect(offenders).toEqual([]);
    // It does take them (the one place the names are declared).
    expect(web.filter((f) => /from '(?:\.\.\/)+src\/(modules\/[a-z]+|core)\/labels'/.test(read(f))).length).toBeGreaterThan(15);
  });

  it('a module writes only the tables its own migrations create', () => {
    const owner = new Map<string, string>();
    for (const f of walk(path.join(root, 'src'))
      .filter((x) => x.endsWith('.sql'))
      .map(rel)) {
      const m = f.startsWith('src/modules/') ? moduleOf(f) : 'core';
      for (const [, t] of read(f).matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)) owner.set(t as string, m);
    }
    expect(owner.size).toBeGreaterThan(40);
    const offenders = sources('src/modules').flatMap((f) =>
      [...read(f).matchAll(/(?:insertInto|updateTable|deleteFrom)\(['"](\w+)['"]|(?:DELETE FROM|INSERT INTO)\s+(\w+)|(?<!FOR |DO )UPDATE\s+(\w+)\s+SET/g)]
        .map(([m, a, b, c]) => [m, a ?? b ?? c] as const)
        .filter(([, t]) => owner.get(t as string) !== moduleOf(f))
        .map(([, t]) => `${f} writes ${t} (owned by ${owner.get(t as string) ?? 'nobody'})`),
    );
    expect(offenders).toEqual([]);
  });

  // Files that still hold query-builder calls outside a repository, with how many: the list may
  // only shrink (issue 12: SQL lives in each module's repository; metrics and demo loaders keep theirs).
  const SQL_OUTSIDE_REPOSITORIES: Record<string, number> = {};
  it('query-builder calls sit in repositories, metrics and demo loaders', () => {
    const isHome = (f: string) => /\/(repository|repositories|metrics|demo|demoKit|schema)(\/|\.ts$)|\/repository\//.test(f);
    const found: Record<string, number> = {};
    for (const f of sources('src/modules').filter((x) => !isHome(x))) {
      const n = (read(f).match(/\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\(|\bsql(<[^>]*>)?`/g) ?? []).length;
      if (n) found[f] = n;
    }
    const grown = Object.entries(found).filter(([f, n]) => n > (SQL_OUTSIDE_REPOSITORIES[f] ?? 0));
    expect(grown.map(([f, n]) => `${f}: ${n} query-builder calls (allowed ${SQL_OUTSIDE_REPOSITORIES[f] ?? 0})`)).toEqual([]);
  });
});
