import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/server/ops/shell-word';

describe('a path in a command the admin copies', () => {
  it.each([
    ['/var/backups/valise/valise-2026-12-06.valise-backup'],
    ['/home/admin/Sauvegardes du réseau/valise.backup'],
    ["/srv/l'atelier/backup $(rm -rf x) `id`.dump"],
  ])('reaches the shell as one word, unchanged: %s', (path) => {
    const words = execFileSync('sh', ['-c', `printf '%s\\n' ${shellWord(path)}`], { encoding: 'utf8' });
    expect(words).toBe(`${path}\n`);
  });

  it('leaves a plain path as it is, to read', () => {
    expect(shellWord('/var/backups/valise/a.dump')).toBe('/var/backups/valise/a.dump');
  });
});
