// The server as operators run it: the CLI in its own Node process (from source), on a free
// loopback port, in sandbox mode. For tests and benchmarks that need several processes on one
// database, which in-process servers (createSandbox) cannot show.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../../scripts/free-port.mjs';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface ServerProcessOptions {
  /** DATABASE_URL: a SQLite file path, `:memory:` or `postgres://…`. */
  databaseUrl: string;
  /** Added to (and overriding) this process's environment. */
  env?: Record<string, string>;
  /** No request log lines: for benchmarks, where writing them costs throughput. */
  quiet?: boolean;
  /**
   * A script taking the CLI's `serve --port --host --db [--quiet]` arguments, run instead of the
   * CLI (the benchmark's server without reachable rate limits). Default: the CLI.
   */
  entry?: string;
  /** How long the server may take to answer GET /health. Default 60 s (two cold starts on two cores). */
  startTimeoutMs?: number;
}

export interface ServerProcess {
  /** The API root, `http://127.0.0.1:<port>/api/v1`. */
  baseUrl: string;
  pid: number;
  /** SIGTERM, then the exit code once the process is gone (128 + signal number if a signal ended it). */
  stop(): Promise<number>;
  /** Everything the process wrote so far, standard output and error interleaved (JSON log lines). */
  logs(): string;
}


const exitCode = (code: number | null, signal: NodeJS.Signals | null) =>
  code ?? 128 + (signal ? constants.signals[signal] : 0);

// Children still running when this process exits (a failed test) are killed, never left behind.
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The environment of a child: ours, minus what would override its flags or confuse it. */
function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // node --test marks its children as test files; DVC_MODE=production would refuse the sandbox.
  for (const name of ['NODE_TEST_CONTEXT', 'DVC_MODE', 'DATABASE_URL', 'DVC_DB', 'PORT', 'HOST']) delete env[name];
  return { ...env, ...extra };
}

async function startOnce(options: ServerProcessOptions, port: number): Promise<ServerProcess> {
  const args = [
    '--conditions=source', options.entry ?? CLI,
    'serve', '--port', String(port), '--host', '127.0.0.1', '--db', options.databaseUrl,
    ...(options.quiet ? ['--quiet'] : []),
  ];
  const child = spawn(process.execPath, args, { env: childEnvironment(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  // Whole lines only, so a line of one stream is never cut by the other's.
  let output = '';
  const flushers: (() => void)[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      const end = (partial + chunk).lastIndexOf('\n');
      if (end === -1) {
        partial += chunk;
        return;
      }
      output += (partial + chunk).slice(0, end + 1);
      partial = (partial + chunk).slice(end + 1);
    });
    flushers.push(() => {
      if (partial) output += `${partial}\n`;
      partial = '';
    });
  }
  const exited = new Promise<number>((resolve) => {
    // 'close': the process has exited and its output has been read to the end.
    child.once('close', (code, signal) => {
      running.delete(child);
      for (const flush of flushers) flush();
      resolve(exitCode(code, signal));
    });
  });
  let exitedWith: number | undefined;
  void exited.then((code) => (exitedWith = code));

  const baseUrl = `http://127.0.0.1:${port}/api/v1`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exitedWith !== undefined) {
      throw Object.assign(new Error(`The server exited with ${exitedWith} before answering:\n${output}`), { output });
    }
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`The server did not answer GET /health within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    baseUrl,
    pid: child.pid!,
    logs: () => output,
    async stop() {
      if (exitedWith !== undefined) return exitedWith;
      child.kill('SIGTERM');
      // A graceful stop takes well under a second; a hung one is ended so the caller sees it.
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Starts `node --conditions=source packages/server/src/cli.ts serve` on a free port of 127.0.0.1 and
 * resolves once GET /api/v1/health answers. The CLI's defaults apply (sandbox mode, the default
 * per-client rate limits). Rejects with the process's output if it exits or never answers.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  // The port is free when probed but may be taken before the child binds it: then another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, await freePort());
    } catch (error) {
      const output = (error as { output?: string }).output ?? '';
      if (attempt >= 3 || !output.includes('EADDRINUSE')) throw error;
    }
  }
}
