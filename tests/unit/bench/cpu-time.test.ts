import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processCpuMs } from '../../../tests/bench/cpu-time';

const linux = existsSync(`/proc/${process.pid}/task`);

describe('processCpuMs', () => {
  it.skipIf(!linux)("reads another process's CPU time as that process counts it", async () => {
    // Busy for 300 ms of its own CPU, then says how much it used and waits to be read.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const t = process.cpuUsage(); while (process.cpuUsage(t).user < 300e3);
         const u = process.cpuUsage(); console.log((u.user + u.system) / 1000);
         process.stdin.resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      const [line] = (await once(child.stdout, 'data')) as [Buffer];
      const own = Number(line.toString());
      const read = processCpuMs(child.pid!)!;
      expect(own).toBeGreaterThanOrEqual(300);
      // Read a moment later and counted per thread, so a little more, never less.
      expect(read).toBeGreaterThan(own * 0.95);
      expect(read).toBeLessThan(own + 100);
    } finally {
      child.kill();
    }
  });

  it('is undefined for a process that is not there', () => {
    expect(processCpuMs(2 ** 30)).toBeUndefined();
  });
});
