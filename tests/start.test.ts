/**
 * `npm start`'s path on a new embedded folder: `fazhi serve --demo-if-empty` (what `start` runs after the
 * web build) loads the demo bureau in a child process, then opens the database and answers; a demo
 * account signs in; SIGTERM stops it cleanly. (The compiled server: bin/fazhi.js, scripts/build-server.mjs.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dbKind } from './helpers/system.js';
import { DEMO_PASSWORD } from '../src/modules/system/demo.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-start-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe.skipIf(dbKind === 'postgres')('fazhi serve --demo-if-empty on a new folder', () => {
  it('loads the demo in a child process, answers, signs a demo account in and stops on SIGTERM', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      [path.resolve('bin/fazhi.js'), '--data', path.join(dir, 'data'), 'serve', '--demo-if-empty', '--port', String(port)],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}: ${out}`);
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 2200) throw new Error(`serve did not answer: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(out).toContain('数据库为空，正在载入演示局');
    expect(out).toMatch(/演示局“.+”已载入/);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
