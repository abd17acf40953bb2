import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');
/** Everything tests write (screenshots, second builds, JSON results); git-ignored. */
export const RESULTS = join(ROOT, 'test-results');
export const SCREENSHOTS = join(RESULTS, 'screenshots');
