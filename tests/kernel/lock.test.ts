/**
 * The embedded database folder is locked to one process. A lock whose pid is alive but names
 * another process (the pid reused after a crash) is stale and taken over; a lock held by a
 * live process is refused with a clear message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, processStartTime } from '../../src/core/db/connect.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function folder(): { root: string; dataDir: string; lock: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-lock-'));
  dirs.push(root);
  return { root, dataDir: path.join(root, 'db'), lock: path.join(root, 'fazhi.lock') };
}

describe('the embedded database folder lock', () => {
  it.runIf(processStartTime(process.pid) !== null)('takes over a lock whose pid now belongs to another process', async () => {
    const f = folder();
    // pid 1 is alive (init), but it did not take this lock: its start time differs.
    fs.writeFileSync(f.lock, '1 999999999');
    const db = await openDatabase({ kind: 'pglite', dataDir: f.dataDir });
    expect(fs.readFileSync(f.lock, 'utf8')).toBe(`${process.pid} ${processStartTime(process.pid)}`);
    await db.close();
    expect(fs.existsSync(f.lock)).toBe(false);
  });

  it('refuses a folder locked by a live process, naming it', async () => {
    const f = folder();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(child);
    fs.writeFileSync(f.lock, `${child.pid} ${processStartTime(child.pid!) ?? ''}`.trim());
    await expect(openDatabase({ kind: 'pglite', dataDir: f.dataDir })).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });
  });

  it('takes over a lock whose process is gone', async () => {
    const f = folder();
    fs.writeFileSync(f.lock, '999999 123');
    const db = await openDatabase({ kind: 'pglite', dataDir: f.dataDir });
    await db.close();
  });
});
