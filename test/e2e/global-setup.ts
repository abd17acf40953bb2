// The e2e tests run against the built app, as a device gets it: build it when missing or stale
// (`npm test` builds first, so this is usually a no-op), and against the server built once
// (helpers/server-bundle.ts; `npm test` builds it before its runs start, and says where).
import { ensureBuilt } from './helpers/build';
import { DIST, NEXT_DIST } from './helpers/paths';
import { builtServer, bundleServer } from './helpers/server-bundle';

export default async function setup(): Promise<void> {
  ensureBuilt(DIST);
  // The update journeys (foundation, engines) deploy this one over it.
  ensureBuilt(NEXT_DIST, 'next');
  if (!builtServer()) await bundleServer();
}
