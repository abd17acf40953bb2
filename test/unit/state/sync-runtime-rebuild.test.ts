// Work a schema upgrade noted for when the app runs (src/db/invisible-rebuild.ts) is done by the
// tab's runtime, in the background, without a sync having to succeed.
import { afterEach, expect, it, vi } from 'vitest';
import { appData } from '../../../src/db/app-data';
import { INVISIBLE_REBUILD, REBUILD_START } from '../../../src/db/invisible-rebuild';
import { startRuntime } from '../../../src/state/sync-runtime';

afterEach(() => {
  vi.unstubAllGlobals();
});

it('the keys an upgrade left to work out again are worked out once the runtime starts', async () => {
  vi.stubGlobal('fetch', async () => new Response('{}', { status: 503 }));
  const context = await appData();
  await context.db.meta.put({ key: INVISIBLE_REBUILD, value: REBUILD_START });
  const { scheduler, tabs } = await startRuntime();
  scheduler.stop();
  tabs?.close();
  await expect.poll(() => context.db.meta.get(INVISIBLE_REBUILD)).toBeUndefined();
});
