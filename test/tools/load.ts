// `npm run load`: many simulated devices syncing at once against a real server process on
// loopback, for a bounded time; prints requests/s, latency percentiles and errors.
//   npm run load -- --devices 200 --seconds 60 --think-ms 1000 --store sqlite|postgres
// Each device loops: maybe push a few visits (creations, then edits of its own), pull what
// changed since its cursor (paged), wait a random think time around --think-ms.
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { JoinResponse, Mutation, PushResponse } from '../../src/protocol/wire';
import { notesEdit, visitCreation } from '../helpers/mutations';
import { PostgresCluster } from '../helpers/postgres-cluster';
import { serverFolder } from '../helpers/server-folder';
import { firstInvitationCode, startServerProcess } from '../helpers/server-process';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'think-ms': { type: 'string', default: '1000' },
    'write-ratio': { type: 'string', default: '0.1' },
    batch: { type: 'string', default: '3' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const DEVICES = Math.min(1000, Number(values.devices));
const SECONDS = Math.min(600, Number(values.seconds));
const THINK_MS = Number(values['think-ms']);
const WRITE_RATIO = Number(values['write-ratio']);
const BATCH = Number(values.batch);
const STORE = values.store === 'postgres' ? 'postgres' : 'sqlite';

const samples: Record<'push' | 'pull', number[]> = { push: [], pull: [] };
const errors: string[] = [];
let pushedMutations = 0;
let pulledChanges = 0;

async function timed(kind: 'push' | 'pull', work: () => Promise<Response>): Promise<Response | null> {
  const started = performance.now();
  try {
    const response = await work();
    const body = await response.arrayBuffer();
    samples[kind].push(performance.now() - started);
    if (!response.ok) {
      errors.push(`${kind} ${response.status} ${new TextDecoder().decode(body).slice(0, 120)}`);
      return null;
    }
    return new Response(body, { status: response.status });
  } catch (error) {
    errors.push(`${kind} ${(error as Error).message}`);
    return null;
  }
}

/** The cursor fields the server writes last in a pull answer, and the number of changes. */
function pageTail(text: string): { cursor: number; hasMore: boolean; changes: number } {
  const tail = text.slice(-200).match(/"cursor":(\d+),"hasMore":(true|false)/);
  if (!tail) throw new Error(`unexpected pull answer: ${text.slice(0, 200)}`);
  return { cursor: Number(tail[1]), hasMore: tail[2] === 'true', changes: text.split('{"type":').length - 1 };
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const dir = serverFolder('load');
  const cluster = STORE === 'postgres' ? await PostgresCluster.start() : null;
  // The played devices all call from loopback; real ones come from many addresses.
  const env: NodeJS.ProcessEnv = {
    VALISE_DATA: join(dir, 'data'),
    VALISE_DIST: join(dir, 'dist'),
    VALISE_ADDRESS_RATE: '0',
  };
  if (cluster) env.DATABASE_URL = await cluster.createDatabase();
  const server = await startServerProcess(env);
  try {
    const join = async (code: string, index: number): Promise<JoinResponse> => {
      const response = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          code,
          deviceName: `Appareil ${index}`,
          memberName: `Membre ${index}`,
          clockNode: index.toString(16).padStart(16, '0'),
        }),
      });
      if (!response.ok) throw new Error(`join: ${response.status} ${await response.text()}`);
      return (await response.json()) as JoinResponse;
    };
    const admin = await join(firstInvitationCode(server.output()), 1);
    const devices = [admin];
    for (let index = 2; index <= DEVICES; index++) {
      const invitation = await fetch(`${server.url}/api/admin/invitations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: 'concierge' }),
      }).then((response) => response.json() as Promise<{ code: string }>);
      devices.push(await join(invitation.code, index));
    }
    console.log(
      `${DEVICES} devices joined a ${STORE} server; syncing for ${SECONDS} s (think ~${THINK_MS} ms, ` +
        `${Math.round(WRITE_RATIO * 100)}% of cycles push ${BATCH} mutations)…`,
    );

    const deadline = performance.now() + SECONDS * 1000;
    const device = async (session: JoinResponse, index: number) => {
      const node = index.toString(16).padStart(16, '0');
      const auth = { Authorization: `Bearer ${session.token}` };
      const mine: string[] = [];
      let cursor = 0;
      // Spread the first syncs over one think time, as devices waking at random would.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * THINK_MS));
      while (performance.now() < deadline) {
        if (Math.random() < WRITE_RATIO) {
          const now = Date.now();
          const mutations: Mutation[] = Array.from({ length: BATCH }, (_, n) => {
            const existing =
              mine.length > 0 && Math.random() < 0.5 ? mine[Math.floor(Math.random() * mine.length)] : null;
            if (existing) return notesEdit(now + n, existing, `Suite ${now}`, node);
            const creation = visitCreation(now, node);
            mine.push(creation.recordId);
            return creation;
          });
          const response = await timed('push', () =>
            fetch(`${server.url}/api/sync/push`, {
              method: 'POST',
              headers: { ...auth, 'Content-Type': 'application/json' },
              body: JSON.stringify({ mutations }),
            }),
          );
          const body = response ? ((await response.json()) as PushResponse) : null;
          if (body) {
            pushedMutations += mutations.length;
            const refused = body.results.filter((result) => result.status !== 'applied');
            if (refused.length > 0) errors.push(`push rejected ${JSON.stringify(refused[0]).slice(0, 160)}`);
          }
        }
        for (;;) {
          const response = await timed('pull', () =>
            fetch(`${server.url}/api/sync/pull?since=${cursor}&limit=1000`, { headers: auth }),
          );
          if (!response) break;
          // One process plays every device: read the page's tail instead of parsing it whole, so
          // the load generator's own CPU does not pass for server latency.
          const page = pageTail(await response.text());
          pulledChanges += page.changes;
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
        await new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
      }
    };
    const started = performance.now();
    const cpuBefore = cpuSeconds(server.child.pid);
    const ownCpuBefore = process.cpuUsage();
    // The generator's own event-loop delay: what of the latencies is the client's, not the server's.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    await Promise.all(devices.map((session, index) => device(session, index + 1)));
    const elapsed = (performance.now() - started) / 1000;
    const serverCpu = cpuSeconds(server.child.pid) - cpuBefore;
    const ownCpu = process.cpuUsage(ownCpuBefore);
    lag.disable();

    const all = [...samples.push, ...samples.pull].sort((a, b) => a - b);
    const line = (label: string, list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return `${label.padEnd(6)} ${String(sorted.length).padStart(7)} requests  p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(6)} ms  max ${(sorted.at(-1) ?? 0).toFixed(1).padStart(7)} ms`;
    };
    console.log('');
    console.log(`store ${STORE}, ${DEVICES} devices, ${elapsed.toFixed(1)} s, Node ${process.version}`);
    console.log(line('all', all));
    console.log(line('push', samples.push));
    console.log(line('pull', samples.pull));
    console.log(
      `${(all.length / elapsed).toFixed(0)} requests/s, ${pushedMutations} mutations pushed, ${pulledChanges} changes pulled`,
    );
    console.log(
      `server process CPU: ${serverCpu.toFixed(1)} s over ${elapsed.toFixed(1)} s (machine load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
    );
    console.log(
      `load generator CPU: ${((ownCpu.user + ownCpu.system) / 1e6).toFixed(1)} s, its event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`,
    );
    console.log(`${errors.length} errors${errors.length > 0 ? `, first: ${errors.slice(0, 3).join(' | ')}` : ''}`);
    process.exitCode = errors.length > 0 ? 1 : 0;
  } finally {
    await server.kill('SIGTERM');
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
