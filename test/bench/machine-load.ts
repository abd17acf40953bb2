// Was the machine busy with other work while the bench ran? Measured as other processes' CPU
// time: the machine's busy time less the bench's own process tree's (test/bench/cpu-accounting.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import {
  busyTicks,
  machineVerdict,
  type ProcessTicks,
  parseProcessStat,
  type RunSample,
  startLedger,
  treeTicks,
  updateLedger,
} from './cpu-accounting';

/**
 * Every second: a member of the tree whose parent dies before reaping it leaves the tree with
 * its CPU time, so the tree must have been seen shortly before. Reading ~200 small files takes
 * a few milliseconds of this process's time, which the tree counts as its own.
 */
const SAMPLE_MS = 1_000;

export function watchMachineLoad(): { verdict(): string } {
  const startedAt = performance.now();
  const busyAtStart = readBusyTicks();
  let ledger = startLedger(process.pid, readProcesses());
  const samples: RunSample[] = [{ seconds: 0, busyTicks: 0, ownTicks: 0 }];
  const loads = [loadavg()[0] ?? 0];
  const sample = () => {
    ledger = updateLedger(ledger, readProcesses());
    const seconds = (performance.now() - startedAt) / 1000;
    samples.push({ seconds, busyTicks: readBusyTicks() - busyAtStart, ownTicks: treeTicks(ledger) });
    loads.push(loadavg()[0] ?? 0);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  timer.unref();
  return {
    verdict() {
      clearInterval(timer);
      sample();
      return machineVerdict({
        cores: cpus().length,
        samples,
        loadAtStart: loads[0] ?? 0,
        loadDuring: loads.reduce((sum, load) => sum + load, 0) / loads.length,
      });
    },
  };
}

function readBusyTicks(): number {
  return busyTicks(readFileSync('/proc/stat', 'utf8'));
}

function readProcesses(): ProcessTicks[] {
  const processes: ProcessTicks[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcessStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) processes.push(stat);
    } catch {
      // Gone between the listing and the read: a reaped process, whose time its reaper now holds.
    }
  }
  return processes;
}
