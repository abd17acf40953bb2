// How long a device waits for a file to go up or come down: long enough for a big file on a
// slow rural link to finish, never shorter than any request's, never past what the server waits for a body.
import { describe, expect, test } from 'vitest';
import { REQUEST_ARRIVAL_LIMIT_MS } from '../../../src/protocol/timeouts';
import { fileTimeoutMs } from '../../../src/sync/transport';

const MB = 1024 * 1024;

describe('the time a file is given', () => {
  test('is an ordinary request’s 30 s for a small photo', () => {
    expect(fileTimeoutMs(0)).toBe(30_000);
    expect(fileTimeoutMs(20 * 1024)).toBeLessThan(31_000);
  });

  test('grows with the file, so a 3 MB photo at ~256 kbit/s can finish (~100 s of sending)', () => {
    expect(fileTimeoutMs(3 * MB)).toBeGreaterThan(30_000 + (3 * MB * 8 * 1000) / 256_000 - 1);
    expect(fileTimeoutMs(3 * MB)).toBeGreaterThan(fileTimeoutMs(1 * MB));
  });

  test('stops at the server’s own limit for a body to arrive, past which it answers 408', () => {
    expect(fileTimeoutMs(10 * MB)).toBe(REQUEST_ARRIVAL_LIMIT_MS);
    expect(fileTimeoutMs(100 * MB)).toBe(REQUEST_ARRIVAL_LIMIT_MS);
  });
});
