// Was the machine busy with other work while the bench ran? The load average also counts the
// bench's own browser and server, so their CPU time (this process and its reaped children, read
// from /proc/self/stat) is taken out of the run's average load: what remains is the others'.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Linux reports process CPU times in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 5_000;

/** CPU seconds of this process and of its children that have exited (browsers, servers). */
function ownCpuSeconds(): number {
  const afterName = readFileSync('/proc/self/stat', 'utf8').split(') ')[1] ?? '';
  const fields = afterName.split(' ');
  // From the state field (index 0): utime 11, stime 12, cutime 13, cstime 14.
  return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0) / TICKS_PER_SECOND;
}

export function watchMachineLoad(): { verdict(): string } {
  const startedAt = performance.now();
  const cpuAtStart = ownCpuSeconds();
  const before = loadavg()[0] ?? 0;
  const samples = [before];
  const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), SAMPLE_MS);
  timer.unref();
  return {
    verdict() {
      clearInterval(timer);
      samples.push(loadavg()[0] ?? 0);
      const seconds = (performance.now() - startedAt) / 1000;
      const own = (ownCpuSeconds() - cpuAtStart) / seconds;
      const average = samples.reduce((sum, load) => sum + load, 0) / samples.length;
      const others = Math.max(0, average - own);
      const cores = cpus().length;
      const load =
        `load average ${before.toFixed(1)} at the start, ${average.toFixed(1)} during the run, of which the ` +
        `bench's own processes ${own.toFixed(1)} and other work about ${others.toFixed(1)}; ${cores} cores`;
      return Math.max(before, others) > cores
        ? `machine: BUSY (${load}): these figures are not comparable; do not publish them as the latest.`
        : `machine: quiet (${load}): these figures may be published as the latest, with today's date.`;
    },
  };
}
