// Lighthouse's total blocking time worked out again from the same run's trace, with each
// main-thread task's thread time (CPU) in place of its wall time. Lighthouse 12's simulation
// stretches each task of its unthrottled trace by its wall duration ×4 (×2 with a layout): on a
// machine whose cores are shared, a task of 3 ms of CPU that waited 20 ms for a core counts as
// 80 ms of a phone's time, so the figure it reports swings tenfold between runs of one build
// (docs/bench-notes.md). The same simulation on thread time shows the app's own part of it.
// It reads Lighthouse's internals (pinned at 12.2.3 in package.json).
import type { RunnerResult } from 'lighthouse';
import { TotalBlockingTime } from 'lighthouse/core/computed/metrics/total-blocking-time.js';
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';

interface TracedTask {
  _event: { tdur?: number };
}

const cpuNode = Lantern.Graph.CPUNode.prototype;
const wallDuration = Object.getOwnPropertyDescriptor(cpuNode, 'duration')?.get;
if (!wallDuration) throw new Error('Lighthouse’s CPUNode has no duration getter: thread-time-tbt.ts needs updating');
let onThreadTime = false;
// A task without a thread time in the trace keeps its wall time.
Object.defineProperty(cpuNode, 'duration', {
  get(this: TracedTask) {
    const threadTime = this._event.tdur;
    return onThreadTime && threadTime !== undefined ? threadTime : wallDuration.call(this);
  },
});

/** The run's TBT in ms as Lighthouse's own simulation gives it with tasks' thread time. */
export async function threadTimeTbt({ lhr, artifacts }: RunnerResult): Promise<number> {
  const trace = artifacts.traces.defaultPass;
  const devtoolsLog = artifacts.devtoolsLogs.defaultPass;
  if (!trace || !devtoolsLog) throw new Error('Lighthouse kept no trace of the run');
  const data = {
    trace,
    devtoolsLog,
    gatherContext: artifacts.GatherContext,
    settings: lhr.configSettings,
    URL: artifacts.URL,
  };
  onThreadTime = true;
  try {
    // A cache of its own: none of the run's computed graphs or simulations is reused.
    const { timing } = await TotalBlockingTime.request(data, { computedCache: new Map() } as never);
    return timing;
  } finally {
    onThreadTime = false;
  }
}
