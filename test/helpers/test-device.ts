// A device for sync tests: its own IndexedDB (fake-indexeddb in node), its own wall clock,
// and a network link that tests can cut or make lossy.
import { type DataContext, openDataContext } from '../../src/db/context';
import type { LooseRecord } from '../../src/db/schema';
import { RECORD_TYPES } from '../../src/domain/record-types';
import { type EngineOptions, SyncEngine } from '../../src/sync/engine';
import { joinNetwork } from '../../src/sync/join';
import { type Fetch, HttpTransport } from '../../src/sync/transport';
import { TEST_SERVER_URL } from './test-server';

let counter = 0;

export class TestDevice {
  engine: SyncEngine;

  constructor(
    readonly name: string,
    readonly context: DataContext,
    readonly link: Fetch,
    engineOptions: EngineOptions = {},
  ) {
    this.engine = new SyncEngine(
      context,
      (ctx) => (ctx.session ? new HttpTransport(ctx.session.serverUrl, ctx.session.token, link) : null),
      { pushBatch: 50, pullPage: 40, ...engineOptions },
    );
  }

  static async open(
    name: string,
    link: Fetch,
    wallClock?: () => number,
    engineOptions?: EngineOptions,
  ): Promise<TestDevice> {
    counter += 1;
    const context = await openDataContext({
      name: `device-${name}-${counter}-${Math.random()}`,
      ...(wallClock ? { wallClock } : {}),
    });
    return new TestDevice(name, context, link, engineOptions);
  }

  async join(code: string, role = 'concierge'): Promise<void> {
    await joinNetwork(
      this.context,
      { serverUrl: TEST_SERVER_URL, code, deviceName: `${this.name} (${role})`, memberName: this.name },
      this.link,
    );
  }

  sync(): Promise<void> {
    return this.engine.sync();
  }

  /** Every synced record on the device, without its clocks, sorted by id. */
  async records(): Promise<LooseRecord[]> {
    const all: LooseRecord[] = [];
    for (const type of RECORD_TYPES) all.push(...(await this.context.db.anyRecords(type).toArray()));
    return all.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async outboxSize(): Promise<number> {
    return this.context.db.outbox.count();
  }

  async close(): Promise<void> {
    this.context.db.close();
    await this.context.db.delete();
  }
}
