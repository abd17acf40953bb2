// /metrics in Prometheus' text format: requests and their latency by route, pushes, pulls,
// refusals, the store's size, each network's records and the age of the last backup. Counted in
// memory since the process started (Prometheus handles restarts of counters).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/env';
import type { Store } from '../store/store';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A small fixed set of route names: a label per path would grow without bound. */
function routeOf(path: string): string {
  if (!path.startsWith('/api/')) return path === '/metrics' ? 'metrics' : 'app';
  const [, , first, second] = path.split('/');
  if (first === 'sync' && (second === 'push' || second === 'pull')) return second;
  if (first === 'health' || first === 'join' || first === 'session' || first === 'attachments' || first === 'admin')
    return first;
  return 'other';
}

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private readonly refusals = new Map<string, number>();
  private readonly mutations = { applied: 0, rejected: 0 };

  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const started = performance.now();
      await next();
      this.observe(routeOf(c.req.path), c.req.method, c.res.status, (performance.now() - started) / 1000);
    };
  }

  observe(route: string, method: string, status: number, seconds: number): void {
    const key = `route="${route}",method="${method}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const histogram = this.latency.get(route) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) histogram.buckets[index] = (histogram.buckets[index] as number) + 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
    this.latency.set(route, histogram);
    if (status >= 400 && status < 500) {
      const refusal = `route="${route}",status="${status}"`;
      this.refusals.set(refusal, (this.refusals.get(refusal) ?? 0) + 1);
    }
  }

  /** Each push's results: refused mutations are refusals too, though the push answers 200. */
  countMutations(applied: number, rejected: number): void {
    this.mutations.applied += applied;
    this.mutations.rejected += rejected;
  }

  async render(store: Store, now: number): Promise<string> {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string) =>
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    family('valise_http_requests_total', 'counter', 'HTTP requests answered, by route, method and status.');
    for (const [labels, count] of this.requests) lines.push(`valise_http_requests_total{${labels}} ${count}`);
    family('valise_http_request_duration_seconds', 'histogram', 'Time to answer, by route.');
    for (const [route, histogram] of this.latency) {
      for (const [index, bound] of BUCKETS.entries()) {
        const count = histogram.buckets[index];
        lines.push(`valise_http_request_duration_seconds_bucket{route="${route}",le="${bound}"} ${count}`);
      }
      lines.push(`valise_http_request_duration_seconds_bucket{route="${route}",le="+Inf"} ${histogram.count}`);
      lines.push(`valise_http_request_duration_seconds_sum{route="${route}"} ${histogram.sum}`);
      lines.push(`valise_http_request_duration_seconds_count{route="${route}"} ${histogram.count}`);
    }
    family('valise_pushes_total', 'counter', 'Pushes answered.');
    lines.push(`valise_pushes_total ${this.countRoute('push')}`);
    family('valise_pulls_total', 'counter', 'Pull pages answered.');
    lines.push(`valise_pulls_total ${this.countRoute('pull')}`);
    family('valise_push_mutations_total', 'counter', 'Pushed mutations, applied or rejected.');
    lines.push(`valise_push_mutations_total{result="applied"} ${this.mutations.applied}`);
    lines.push(`valise_push_mutations_total{result="rejected"} ${this.mutations.rejected}`);
    family('valise_refusals_total', 'counter', 'Requests refused with a 4xx, by route and status.');
    for (const [labels, count] of this.refusals) lines.push(`valise_refusals_total{${labels}} ${count}`);
    family('valise_store_size_bytes', 'gauge', 'Bytes the database takes on disk.');
    lines.push(`valise_store_size_bytes ${await store.sizeBytes()}`);
    // Kept by the pushes, read without a scan: which network grows, when the store does. A label
    // per network, not per device: networks are few, made by the command line alone.
    const usages = await store.recordUsageByNetwork();
    family('valise_network_records', 'gauge', 'Records a network stores.');
    for (const { networkId, count } of usages) lines.push(`valise_network_records{network="${networkId}"} ${count}`);
    family('valise_network_record_bytes', 'gauge', 'Bytes of the records a network stores (data and clocks, UTF-8).');
    for (const { networkId, bytes } of usages)
      lines.push(`valise_network_record_bytes{network="${networkId}"} ${bytes}`);
    const lastBackupAt = (await store.readMeta()).lastBackupAt;
    family('valise_last_backup_age_seconds', 'gauge', 'Seconds since the last `valise backup --dir` (NaN: never).');
    lines.push(
      `valise_last_backup_age_seconds ${lastBackupAt ? Math.max(0, (now - Date.parse(lastBackupAt)) / 1000) : 'NaN'}`,
    );
    return `${lines.join('\n')}\n`;
  }

  private countRoute(route: string): number {
    let total = 0;
    for (const [labels, count] of this.requests)
      if (labels.startsWith(`route="${route}",`) && labels.endsWith('status="200"')) total += count;
    return total;
  }
}
