import { describe, expect, it } from 'vitest';
import {
  busyTicks,
  type MachineFigures,
  machineVerdict,
  parseProcessStat,
  type RunSample,
  startLedger,
  TICKS_PER_SECOND,
  treeTicks,
  updateLedger,
} from '../../bench/cpu-accounting';

const BENCH = 100;

/** A /proc/<pid>/stat line as Linux writes it. */
function stat(pid: number, ppid: number, times: { utime?: number; cutime?: number; start?: number } = {}): string {
  const { utime = 0, cutime = 0, start = 1000 } = times;
  return `${pid} (node) S ${ppid} ${pid} ${pid} 0 -1 4194560 4391 74636 0 18 ${utime} 0 ${cutime} 0 20 0 1 0 ${start} 5124096 992 18446744073709551615 0 0\n`;
}

/** The bench's tree's ticks over /proc snapshots taken one after the other. */
function treeTicksOver(...snapshots: string[][]): number[] {
  const parse = (snapshot: string[]) => snapshot.map(parseProcessStat).filter((process) => process !== undefined);
  const [first = [], ...rest] = snapshots;
  let ledger = startLedger(BENCH, parse(first));
  return rest.map((snapshot) => {
    ledger = updateLedger(ledger, parse(snapshot));
    return treeTicks(ledger);
  });
}

describe("the bench's process tree's CPU", () => {
  it('reads a process whose name holds spaces and parentheses, and the machine busy time without idle or iowait', () => {
    const line =
      '10027 (Web Content) (2)) S 10026 10027 10027 0 -1 4194560 4391 74636 0 18 10 17 231 364 20 0 1 0 1138339 5124096 992 0 0\n';
    expect(parseProcessStat(line)).toEqual({
      key: '10027@1138339',
      pid: 10027,
      ppid: 10026,
      ticks: 622,
      childTicks: 595,
    });
    expect(parseProcessStat('')).toBeUndefined();
    // user nice system idle iowait irq softirq steal guest guest_nice
    expect(busyTicks('cpu  1201087 320867 515421 244231 6712 0 4117 9 5 1\ncpu0 1 2 3 4 5 6 7 8 9 10\n')).toBe(2041501);
  });

  it("counts a child's time once, running and then reaped into the bench's counters, and not its time before the run", () => {
    const ticks = treeTicksOver(
      [stat(BENCH, 1, { utime: 50 }), stat(200, BENCH, { utime: 20 }), stat(900, 1, { utime: 500 })],
      [stat(BENCH, 1, { utime: 60 }), stat(200, BENCH, { utime: 50 }), stat(900, 1, { utime: 900 })],
      [stat(BENCH, 1, { utime: 70, cutime: 55 }), stat(900, 1, { utime: 1300 })],
    );
    expect(ticks).toEqual([10 + 30, 20 + 35]);
  });

  it('keeps what a descendant spent before its parent died, and counts what it spends once reparented as the others', () => {
    const ticks = treeTicksOver(
      [stat(BENCH, 1)],
      [stat(BENCH, 1), stat(200, BENCH, { utime: 10 }), stat(300, 200, { utime: 80 })],
      // The browser (200) closed and was reaped; its renderer (300) outlived it, now init's.
      [stat(BENCH, 1, { cutime: 12 }), stat(300, 1, { utime: 150 })],
      [stat(BENCH, 1, { cutime: 12 })],
    );
    expect(ticks).toEqual([90, 12 + 80, 12 + 80]);
  });

  it("counts a descendant reaped with its parent between two samples in the nearest live ancestor's counters", () => {
    const ticks = treeTicksOver(
      [stat(BENCH, 1), stat(200, BENCH, { utime: 20 }), stat(300, 200, { utime: 5 })],
      [stat(BENCH, 1), stat(200, BENCH, { utime: 30 }), stat(300, 200, { utime: 25 })],
      // 200 reaped 300 (26 ticks in all), then the bench reaped 200 (32 of its own).
      [stat(BENCH, 1, { cutime: 32 + 26 })],
    );
    expect(ticks).toEqual([10 + 20, 12 + 21]);
  });

  it('keeps what descendants orphaned with their parent had spent, by what failed to reach the live ancestor', () => {
    const ticks = treeTicksOver(
      [stat(BENCH, 1), stat(200, BENCH, { utime: 20 }), stat(300, 200, { utime: 5 })],
      [stat(BENCH, 1), stat(200, BENCH, { utime: 30 }), stat(300, 200, { utime: 25 })],
      // The browser's process group killed at once: the bench reaped 200 (30), init reaped 300.
      [stat(BENCH, 1, { cutime: 30 })],
    );
    expect(ticks).toEqual([10 + 20, 10 + 20]);
  });
});

describe("the machine's verdict", () => {
  /**
   * A 600-second run sampled every 10 s: the bench's own tree takes 1.2 cores, the machine's
   * daemons 0.05, and other processes `others(second)` cores. The load average read 3.2 during
   * it (the bench's threads queued for two cores and for the disk).
   */
  function run(others: (second: number) => number = () => 0, loadAtStart = 1.2): MachineFigures {
    const samples: RunSample[] = [{ seconds: 0, busyTicks: 0, ownTicks: 0 }];
    for (let second = 10; second <= 600; second += 10) {
      const previous = samples.at(-1) as RunSample;
      samples.push({
        seconds: second,
        busyTicks: previous.busyTicks + (1.2 + 0.05 + others(second)) * 10 * TICKS_PER_SECOND,
        ownTicks: previous.ownTicks + 1.2 * 10 * TICKS_PER_SECOND,
      });
    }
    return { cores: 2, samples, loadAtStart, loadDuring: 3.2 };
  }

  it('calls a run alone on the machine quiet whatever the load average, and says what it measured', () => {
    const verdict = machineVerdict(run(() => 0, 2.5));
    expect(verdict).toMatch(/^machine: quiet \(other processes' CPU 0\.05 core on average over 600 s/);
    expect(verdict).toContain("the bench's own 1.20");
    expect(verdict).toContain('load average 2.5 at the start and 3.2 during the run, not judged');
  });

  it('calls it busy when others took a quarter of a core on average, or half a core for a minute', () => {
    expect(machineVerdict(run(() => 0.2))).toMatch(/^machine: BUSY \(other processes' CPU 0\.25 core/);
    expect(machineVerdict(run(() => 0.15))).toMatch(/^machine: quiet/);
    // Another engineer's tests for a minute of a ten-minute run, sharing the cores with the bench:
    // a tenth of a core over the run, but half the machine's spare core while one figure ran.
    const testSuiteForAMinute = machineVerdict(run((second) => (second > 300 && second <= 360 ? 0.5 : 0)));
    expect(testSuiteForAMinute).toMatch(/^machine: BUSY .* 0\.55 in the busiest minute.*do not publish/);
  });
});
