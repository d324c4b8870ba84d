import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** A bounded load on loopback only: `durationSeconds` at most, `connections` at once. */
export async function load(url: string, paths: string[], durationSeconds: number, connections: number): Promise<LoadResult> {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('Load tests target loopback only.');
  let next = 0;
  const result = await autocannon({
    url: target.origin,
    connections,
    duration: durationSeconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/**
 * Several loads at once, one per server process (each its own autocannon instance, all in this
 * process): what they served together. Autocannon shares this process's thread and the machine's
 * cores with the servers, which bounds what the servers can show.
 */
export async function loadTogether(
  targets: { url: string; paths: string[] }[], durationSeconds: number, connectionsEach: number,
): Promise<{ perProcess: LoadResult[]; requestsPerSecond: number; errors: number; non2xx: number }> {
  const perProcess = await Promise.all(targets.map((t) => load(t.url, t.paths, durationSeconds, connectionsEach)));
  return {
    perProcess,
    requestsPerSecond: perProcess.reduce((sum, r) => sum + r.requestsPerSecond, 0),
    errors: perProcess.reduce((sum, r) => sum + r.errors, 0),
    non2xx: perProcess.reduce((sum, r) => sum + r.non2xx, 0),
  };
}
