// The e2e tests run against the built app, as a device gets it: build it when missing or stale
// (`npm test` builds first, so this is usually a no-op).
import { ensureBuilt } from './helpers/build';
import { DIST, NEXT_DIST } from './helpers/paths';

export default function setup(): void {
  ensureBuilt(DIST);
  // The update journeys (foundation, engines) deploy this one over it.
  ensureBuilt(NEXT_DIST, 'next');
}
