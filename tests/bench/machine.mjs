// The machine the figures were measured on, for the report.
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

const git = (args) => { try { return execFileSync('git', args, { encoding: 'utf8' }).trim(); } catch { return ''; } };

export function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  return {
    date: execFileSync('date', ['-u'], { encoding: 'utf8' }).trim(),
    nproc: execFileSync('nproc', { encoding: 'utf8' }).trim(),
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1].trim() ?? 'unknown',
    memory: `${(memKb / 1048576).toFixed(1)} GiB`,
    chromium: execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    // The figures belong to the code as built, which may include uncommitted changes.
    commit: git(['rev-parse', '--short', 'HEAD']),
    // The report itself, left from an earlier run, is not a change to the code measured.
    dirty: git(['status', '--porcelain', '--untracked-files=no']).split('\n').filter((l) => l && !l.endsWith('docs/benchmarks.md')).length,
  };
}

/** Share of all CPU time (0–1) that was busy over the next `ms`, from /proc/stat: taken when none of
 *  the benchmark's own browsers is running, it is the other work on the machine. */
export async function cpuBusy(ms = 3000) {
  const read = () => fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const a = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = read();
  const d = b.map((x, i) => x - a[i]);
  const idle = d[3] + (d[4] || 0); // idle + iowait
  const total = d.reduce((x, y) => x + y, 0);
  return total ? 1 - idle / total : 0;
}
