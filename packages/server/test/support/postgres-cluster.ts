// A throwaway PostgreSQL cluster for tests and benchmarks: a fresh data directory in a temp
// directory, reachable only through a Unix socket in that same directory, removed on stop().
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../../scripts/free-port.mjs';
import { findPostgresBin } from '../../../../scripts/system-packages.mjs';

export interface PostgresCluster {
  /** URL of the default database, `postgres`. */
  url: string;
  /** The socket directory (what libpq and node-postgres call `host`). */
  host: string;
  port: number;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /**
   * Stops the server as a crash does (immediate: connections cut, no goodbye), runs `whileDown`,
   * then starts it again on the same data, socket and port, whatever `whileDown` does.
   */
  restart(whileDown: () => Promise<void>): Promise<void>;
  /** Stops the server and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Print the server's log to stderr when the cluster stops. */
  log?: boolean;
}

const INSTALL_HINT = "PostgreSQL's initdb, pg_ctl and postgres were not found on PATH nor in /usr/lib/postgresql/*/bin: install Debian's postgresql package (apt-get install postgresql).";

/** The directory holding initdb, pg_ctl and postgres: all three from one place, so their versions match. */
export function findBinDir(): string {
  const dir = findPostgresBin();
  if (!dir) throw new Error(INSTALL_HINT);
  return dir;
}


// initdb refuses to run as root, so as root the server's tools run as the postgres user.
const asRoot = process.getuid?.() === 0;
const command = (file: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]);

// Its own process group (detached), so an interrupted start can kill runuser and initdb together.
// (execFile ignores `detached`, hence spawn.)
function run(file: string, args: string[], cwd: string, onSpawn: (child: ChildProcess) => void = () => {}): Promise<void> {
  const [cmd, argv] = command(file, args);
  return new Promise((resolve, reject) => {
    // cwd: the postgres user may not be allowed into the caller's working directory.
    const child = spawn(cmd, argv, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${[cmd, ...argv].join(' ')} failed (${signal ?? code}): ${output.trim()}`));
    });
  });
}

// Clusters started or starting, stopped synchronously if the process exits without stop().
const running = new Set<{ stopNow(): void }>();
process.on('exit', () => {
  for (const cluster of running) cluster.stopNow();
});

/** `postgresql://postgres@localhost/<db>?host=<socket dir>&port=<port>`: node-postgres and libpq read `host=` as the socket directory. */
const databaseUrl = (dir: string, port: number, database: string) =>
  `postgresql://postgres@localhost/${encodeURIComponent(database)}?host=${encodeURIComponent(dir)}&port=${port}`;

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresCluster> {
  const bin = findBinDir();
  const pgCtl = join(bin, 'pg_ctl');
  const port = await freePort();
  // Short prefix: a Unix socket path is limited to about 100 bytes.
  const dir = await mkdtemp(join(tmpdir(), 'dvc-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'log');

  // The initdb or pg_ctl now running, if any.
  let step: ChildProcess | undefined;
  const track = (child: ChildProcess) => {
    step = child;
  };
  const stopNow = () => {
    running.delete(cluster);
    if (step?.pid && step.exitCode === null && step.signalCode === null) {
      try {
        process.kill(-step.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const [cmd, argv] = command(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
    spawnSync(cmd, argv, { cwd: dir, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const cluster = { stopNow };
  running.add(cluster);

  try {
    if (asRoot) {
      const { uid, gid } = postgresUser();
      await chown(dir, uid, gid);
    }
    const initdb = (locale: string) =>
      run(join(bin, 'initdb'), ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', `--locale=${locale}`], dir, track);
    try {
      await initdb('C.UTF-8');
    } catch {
      // No C.UTF-8 locale on this system; C works with any encoding.
      await rm(data, { recursive: true, force: true });
      await initdb('C');
    }
    // Appended rather than passed as initdb -c, which only exists from PostgreSQL 16.
    // Durability is off: the data is thrown away, and tests want speed.
    await appendFile(
      join(data, 'postgresql.conf'),
      [
        '',
        "listen_addresses = ''",
        `unix_socket_directories = '${dir.replace(/'/g, "''")}'`,
        `port = ${port}`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
        '',
      ].join('\n'),
    );
    // -w waits until the server accepts connections.
    await run(pgCtl, ['-D', data, '-l', logFile, '-w', 'start'], dir, track);
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    stopNow();
    throw log ? new Error(`${(error as Error).message}\n${log}`, { cause: error }) : error;
  }

  const url = databaseUrl(dir, port, 'postgres');
  let stopped = false;
  return {
    url,
    host: dir,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
      return databaseUrl(dir, port, name);
    },
    async restart(whileDown) {
      await run(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], dir, track);
      try {
        await whileDown();
      } finally {
        await run(pgCtl, ['-D', data, '-l', logFile, '-w', 'start'], dir, track);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      running.delete(cluster);
      try {
        await run(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], dir);
      } finally {
        if (options.log) process.stderr.write(await readFile(logFile, 'utf8').catch(() => ''));
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout?.trim() || NaN);
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) throw new Error(`Running as root, the cluster runs as the postgres user, and there is none. ${INSTALL_HINT}`);
  return { uid, gid };
}
