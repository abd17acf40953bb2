import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/preact';
import { afterEach } from 'vitest';

// `findBy…` and `waitFor` wait for a state, polling; their default 1 s limit is a timing
// assumption that a loaded machine breaks (a lazy screen takes seconds to import at load 15
// on two cores). The limit only bounds how long a test that is failing anyway takes to say so.
configure({ asyncUtilTimeout: 15_000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup: without
// this, every rendered tree would stay in the document for the next test.
afterEach(() => {
  cleanup();
});
