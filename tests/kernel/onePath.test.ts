/**
 * One write path: a ledger's import goes through its module's domain functions — the same the
 * forms call — so no ledger file writes a table itself (docs/modules/HOWTO.md, "One write path").
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modules } from '../../src/modules/index.js';

const WRITES = /\.(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\b(insertMany|updateMany|auditMany)\(|\bsql`\s*(INSERT|UPDATE|DELETE|COPY)\b/i;

describe('ledger imports take the one write path', () => {
  const files = fs
    .readdirSync('src/modules')
    .flatMap((m) =>
      fs.existsSync(path.join('src/modules', m)) && fs.statSync(path.join('src/modules', m)).isDirectory()
        ? fs.readdirSync(path.join('src/modules', m)).map((f) => path.join('src/modules', m, f))
        : [],
    )
    .filter((f) => /ledgers?\.ts$/.test(f) && !f.endsWith('.test.ts'));

  it('finds the ledger files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('no ledger file writes a table: its commit calls the domain function', () => {
    const offenders = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, line, n: i + 1 }))
        .filter((x) => WRITES.test(x.line) && !x.line.trim().startsWith('//') && !x.line.trim().startsWith('*'))
        .map((x) => `${x.f}:${x.n}: ${x.line.trim().slice(0, 100)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every ledger commits (and can be undone)', () => {
    const ledgers = modules.flatMap((m) => m.ledgers ?? []);
    expect(ledgers.filter((l) => typeof l.commit !== 'function').map((l) => l.spec.key)).toEqual([]);
    expect(ledgers.filter((l) => !l.undo).map((l) => l.spec.key)).toEqual([]);
  });
});
