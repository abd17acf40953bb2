// What every engine journey file shares: one engine, one server (stopped and restarted on the
// same port and data for "offline"), the devices to close, the axe check and the results table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Device } from '../drivers/device';
import { describeViolations } from '../helpers/axe';
import { type RunningServer, startServer } from '../helpers/server';

/** The app's server for one file; `stop()` is the device's network gone, `start()` back. */
export class JourneyServer {
  private running: RunningServer | undefined;
  private firstOutput = '';
  readonly dataDir = mkdtempSync(join(tmpdir(), 'valise-engines-'));
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(distDir?: string): Promise<void> {
    this.running = await startServer({ dataDir: this.dataDir, ...(this.port ? { port: this.port } : {}), distDir });
    this.port = this.running.port;
    this.firstOutput ||= this.running.output();
  }

  /** The network's first admin invitation, printed by the server when it first starts. */
  firstAdminCode(): string {
    const code = this.firstOutput.match(/code: ([A-Z0-9-]+)/)?.[1];
    if (!code) throw new Error(`no invitation code in the server's output:\n${this.firstOutput}`);
    return code;
  }

  output(): string {
    return this.running?.output() ?? '';
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** axe-core finds nothing on the screen as it is. */
export async function expectAccessible(device: Device, where: string): Promise<void> {
  const violations = await device.axe();
  expect(violations, `${device.engine}, ${where}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Waits for the service worker to be active, then reloads until it controls the page. */
export async function reloadUntilControlled(device: Device, attempts = 5): Promise<void> {
  await device.until('the service worker never became active', () =>
    device.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return true;
    }),
  );
  for (let attempt = 0; attempt < attempts; attempt++) {
    await device.reload();
    if (await device.evaluate(() => navigator.serviceWorker.controller !== null)) return;
  }
  throw new Error(`${device.engine}: the service worker did not control the page after ${attempts} reloads.`);
}
