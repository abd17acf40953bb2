import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');
/** Everything tests write (screenshots, second builds, JSON results); git-ignored. */
export const RESULTS = join(ROOT, 'test-results');
export const SCREENSHOTS = join(RESULTS, 'screenshots');
/** The same app built again as version "+next": a deploy, as a device sees it (global setup). */
export const NEXT_DIST = join(RESULTS, 'dist-next');
