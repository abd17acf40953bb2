// The e2e tests run against the built app, as a device gets it: build it when missing or stale
// (`npm test` builds first, so this is usually a no-op).
import { ensureBuilt } from './helpers/build';
import { DIST } from './helpers/paths';

export default function setup(): void {
  ensureBuilt(DIST);
}
