// The sentence an admin reads when the data folder cannot be used: each cause with its own fix.
// A full disk once advised "give write access", which cures nothing.
import { describe, expect, it } from 'vitest';
import { unusable } from '../../src/server/ops/data-lock';

const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('why the data folder cannot be used', () => {
  it.each([
    ['SQLITE_FULL', 'database or disk is full'],
    ['ENOSPC', 'ENOSPC: no space left on device, mkdir'],
  ])('a full disk (%s) names the folder and asks for free space, not write access', (code, message) => {
    const refusal = unusable('/srv/valise/data', failure(code, message)).message;
    expect(refusal).toContain('/srv/valise/data');
    expect(refusal).toMatch(/disk holding it is full/);
    expect(refusal).toMatch(/Free space on that disk/);
    expect(refusal).not.toMatch(/write access/);
  });

  it('a folder this user may not write in still asks for write access', () => {
    const refusal = unusable('/srv/valise/data', failure('EACCES', 'permission denied')).message;
    expect(refusal).toMatch(/may not write in it.*write access/);
  });
});
