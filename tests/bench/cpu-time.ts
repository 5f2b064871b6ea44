/**
 * CPU time for the same work, where wall time is too noisy to judge: on a shared 2-core
 * machine a listing's wall time varies by half either way, mostly time spent waiting for a
 * core. Counts every thread (GC and libuv's pool included).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** This process's CPU time so far, in ms (user + system). */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Another process's CPU time so far, in ms, from Linux's per-thread scheduler statistics
 * (nanoseconds; /proc/PID/stat counts in 10 ms ticks, too coarse for a 100 ms listing).
 * Undefined where there is no /proc/PID/task/TID/schedstat.
 */
export function processCpuMs(pid: number): number | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let ns = 0;
  for (const tid of tids) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return ns / 1e6;
}
