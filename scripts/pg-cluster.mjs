// Starts a throwaway PostgreSQL cluster from the machine's binaries (Debian's
// `postgresql` package) for the test suite and the benchmark. As root, the
// cluster runs as the `postgres` user. Exports startCluster() → { url, stop() },
// and, for the replica test (docs/postgres.md, "A read replica"),
// startCluster({ replication: true }) → a primary that streams its WAL, and
// startStandby(primary) → a hot standby of it made by `pg_basebackup -R`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

export function findPgBin() {
  const fromPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (fromPath) return path.dirname(fs.realpathSync(fromPath));
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** Runs the machine's PostgreSQL programs, as the `postgres` user when we are root. */
function runner(bin) {
  const root = process.getuid?.() === 0;
  const asPg = (cmd, args) => (root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  return (cmd, args) => {
    const [c, a] = asPg(path.join(bin, cmd), args);
    execFileSync(c, a, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
}

/** Starts the server on a data folder and returns the cluster handle (stop() removes `dir`). */
function launch({ bin, dir, data, port, settings }) {
  const run = runner(bin);
  const flags = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...settings.map((x) => `-c ${x}`)].join(' ');
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', flags, 'start']);
  return {
    url: `postgres://fazhi@127.0.0.1:${port}/postgres`,
    port,
    bin,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-pg-'));
  fs.chmodSync(dir, 0o777);
  return dir;
}

/**
 * A throwaway cluster, or null when the machine has no PostgreSQL binaries. `replication: true`
 * keeps what a standby needs (wal_level=replica, WAL senders, full-page writes, which a base backup
 * taken while the primary writes relies on); otherwise the cluster trades durability for speed.
 */
export async function startCluster({ replication = false } = {}) {
  const bin = findPgBin();
  if (!bin) return null;
  const dir = tempDir();
  const data = path.join(dir, 'data');
  const port = await freePort();
  // initdb's trust authentication covers replication connections from 127.0.0.1 too.
  runner(bin)('initdb', ['-D', data, '-U', 'fazhi', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const settings = replication
    ? ['fsync=off', 'synchronous_commit=off', 'wal_level=replica', 'max_wal_senders=4', 'full_page_writes=on']
    : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  return launch({ bin, dir, data, port, settings });
}

/**
 * A hot standby of a primary started with `replication: true`: `pg_basebackup -R` (which writes
 * standby.signal and primary_conninfo) streaming its WAL, started on its own port. Read-only:
 * every write is refused. `stop()` stops and removes it (stop it before the primary).
 */
export async function startStandby(primary) {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  const port = await freePort();
  const run = runner(primary.bin);
  run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'fazhi', '-D', data, '-R', '-X', 'stream', '-c', 'fast']);
  return launch({ bin: primary.bin, dir, data, port, settings: ['fsync=off', 'hot_standby=on'] });
}
