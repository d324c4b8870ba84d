/**
 * Where the cores went during a load: the server processes, the load generator (this process) and
 * everything else (PostgreSQL, whatever else the machine runs), from Linux's /proc. A throughput
 * figure on a small machine means little without it: the load generator and the database share
 * the cores with the servers. Elsewhere than Linux the figures are null.
 */
import { readFileSync } from 'node:fs';

/** Linux reports CPU time in USER_HZ ticks, 100 a second on every platform it runs on. */
const TICKS_PER_SECOND = 100;

interface Snapshot {
  at: number;
  machineBusy: number;
  ticks: Map<number, number>;
}

/** Ticks of user and system time of one process, or undefined once it is gone. */
function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function snapshot(pids: number[]): Snapshot | null {
  let line: string;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  } catch {
    return null;
  }
  // cpu user nice system idle iowait irq softirq steal …
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const ticks = new Map<number, number>();
  for (const pid of pids) ticks.set(pid, processTicks(pid) ?? 0);
  return { at: performance.now(), machineBusy: user! + nice! + system! + irq! + softirq! + (steal ?? 0), ticks };
}

export interface CpuUse {
  /** Cores used on average by each server process, in the order given. */
  servers: number[];
  /** Cores used by this process (the load generator). */
  loadGenerator: number;
  /** Cores used by everything else: PostgreSQL, the kernel's networking, other programs. */
  rest: number;
  /** Cores busy in all. */
  machine: number;
}

/** Runs `work`, measuring the cores used meanwhile by `serverPids`, this process and the rest. */
export async function measureCpu<T>(serverPids: number[], work: () => Promise<T>): Promise<{ result: T; cpu: CpuUse | null }> {
  const pids = [...serverPids, process.pid];
  const before = snapshot(pids);
  const result = await work();
  const after = snapshot(pids);
  if (!before || !after) return { result, cpu: null };
  const seconds = (after.at - before.at) / 1000;
  const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
  const used = (pid: number) => cores((after.ticks.get(pid) ?? 0) - (before.ticks.get(pid) ?? 0));
  const servers = serverPids.map(used);
  const loadGenerator = used(process.pid);
  const machine = cores(after.machineBusy - before.machineBusy);
  const rest = Math.max(0, Math.round((machine - loadGenerator - servers.reduce((a, b) => a + b, 0)) * 100) / 100);
  return { result, cpu: { servers, loadGenerator, rest, machine } };
}
