// The sentence an admin reads when the data folder cannot be used: each cause with its own fix.
// A full disk once advised "give write access", which cures nothing.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { unusable } from '../../src/server/ops/data-lock';
import { StartRefused } from '../../src/server/start-refused';
import { refusalOfUnusableStore } from '../../src/server/store/open';

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

  // Failing in the store itself, past the folder's checks: a first start on a full disk, a file
  // root left behind. Both were SQLite's stack trace.
  it('says a full disk met while opening the store in the same sentence, not a stack trace', () => {
    const refusal = refusalOfUnusableStore(
      readConfig({ VALISE_DATA: '/srv/valise/data' }),
      failure('SQLITE_FULL', 'database or disk is full'),
    );
    expect((refusal as Error).message).toMatch(/\/srv\/valise\/data: the disk holding it is full/);
  });

  it('does not blame the data folder for a full disk met by a command, which may write elsewhere', () => {
    // `valise backup --dir /mnt/backups` on a full backup disk; `--verify` on a full /tmp.
    const refusal = refusalOfUnusableStore(
      readConfig({ VALISE_DATA: '/srv/valise/data' }),
      failure('SQLITE_FULL', 'database or disk is full'),
      { opening: false },
    );
    expect((refusal as Error).message).toMatch(/^a disk it writes to is full .*the backup folder's/);
    expect((refusal as Error).message).not.toMatch(/VALISE_DATA|the disk holding it/);
  });

  it('names a store file this user may not write, and how to give it back', () => {
    const refusal = refusalOfUnusableStore(
      readConfig({ VALISE_DATA: '/srv/valise/data' }),
      failure('SQLITE_READONLY', 'attempt to write a readonly database'),
    );
    expect((refusal as Error).message).toMatch(
      /may not write the database \/srv\/valise\/data\/valise\.sqlite .*chown -R .*: \/srv\/valise\/data$/,
    );
  });

  // better-sqlite3 reports SQLite's extended codes; each was SQLite's stack trace at start. The
  // first two were seen starting as a user other than the files' owner (an unreadable file, a
  // folder given to root with the file left writable).
  it.each([
    ['SQLITE_CANTOPEN', 'unable to open database file', /cannot open the database .*chown -R .*: \/srv\/valise\/data$/],
    [
      'SQLITE_READONLY_DIRECTORY',
      'attempt to write a readonly database',
      /may not write the database .*chown -R .*: \/srv\/valise\/data$/,
    ],
    ['SQLITE_CANTOPEN_ISDIR', 'unable to open database file', /cannot open the database .*must be a file/],
    ['SQLITE_READONLY_CANTINIT', 'attempt to write a readonly database', /may not write the database/],
    ['SQLITE_CORRUPT_INDEX', 'database disk image is malformed', /is damaged .*Restore the latest backup/],
  ])('says %s met while opening the store in one sentence, with its way out', (code, message, sentence) => {
    const refusal = refusalOfUnusableStore(readConfig({ VALISE_DATA: '/srv/valise/data' }), failure(code, message));
    expect(refusal).toBeInstanceOf(StartRefused);
    expect((refusal as Error).message).toMatch(sentence);
  });

  it('asks for write access to a data folder SQLite names by an extended code', () => {
    const refusal = unusable(
      '/srv/valise/data',
      failure('SQLITE_READONLY_DIRECTORY', 'attempt to write a readonly database'),
    );
    expect(refusal.message).toMatch(/may not write in it.*write access/);
  });
});
