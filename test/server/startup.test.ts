// `npm start` as an admin meets it: a port another program holds, a setting with a typo, a data
// folder the server cannot use, a damaged database file. Each is said in one sentence naming what
// to fix, with no stack trace, and none of them loses the first admin's invitation.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { invitationLink } from '../../src/server/invitations';
import { damagedPages, newerRelease, notADatabase } from '../helpers/damaged-sqlite';
import { freePort } from '../helpers/free-port';
import { expectPlainRefusal, refusedStart as startRefusedIn } from '../helpers/refused-start';
import { serverFolder } from '../helpers/server-folder';
import { firstInvitationCode, startServerProcess } from '../helpers/server-process';

let dir: string;
beforeEach(() => {
  dir = serverFolder('startup');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const refusedStart = (env: NodeJS.ProcessEnv) => startRefusedIn(dir, env);

describe('a start refused', () => {
  it('names the port another program holds, and the next start still invites the first admin', async () => {
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    const data = join(dir, 'data');
    try {
      const refused = await refusedStart({ PORT: String(port), VALISE_DATA: data });
      expectPlainRefusal(refused, new RegExp(`Valise cannot start: .*already listens on port ${port}.*PORT=`));
      // No code printed for a server nobody can reach.
      expect(refused.output).not.toMatch(/code: /);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    const server = await startServerProcess({ VALISE_DATA: data, VALISE_DIST: join(dir, 'dist') });
    try {
      expect(server.output()).toMatch(/no device has joined network "Mon réseau de tiers-lieux" yet/);
      // What to do with the code, and where the data lives (what to back up).
      expect(server.output()).toContain('Réglages → Réseau → Rejoindre un réseau');
      expect(server.output()).toContain('A phone cannot open this machine’s own address');
      expect(server.output()).toContain(`"data":${JSON.stringify(data)}`);
      const joined = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          code: firstInvitationCode(server.output()),
          deviceName: 'Téléphone',
          memberName: 'Camille',
          clockNode: 'abcdefabcdefabcd',
        }),
      });
      expect(joined.status).toBe(200);
      expect((await joined.json()).role).toBe('admin');
    } finally {
      await server.kill('SIGTERM');
    }
    // Once a device joined, a restart prints no more invitations.
    const again = await startServerProcess({ VALISE_DATA: data, VALISE_DIST: join(dir, 'dist') });
    await again.kill('SIGTERM');
    expect(again.output()).not.toMatch(/code: /);
  }, 180_000);

  it('names a setting with a typo instead of quietly turning its limit off, before creating anything', async () => {
    const data = join(dir, 'data');
    for (const [name, value] of [
      ['PORT', 'huit-mille'],
      ['VALISE_MAX_BODY_BYTES', '8MB'],
      ['VALISE_DEVICE_RATE', 'dix'],
      ['VALISE_TOKEN_IDLE_DAYS', '-1'],
      ['VALISE_PUBLIC_URL', 'valise.mon-reseau.fr'],
    ] as const) {
      const refused = await refusedStart({ PORT: '0', VALISE_DATA: data, [name]: value });
      expectPlainRefusal(refused, new RegExp(`Valise cannot start: ${name} is "${value}": it must be`));
    }
    const proxies = await refusedStart({ PORT: '0', VALISE_DATA: data, VALISE_TRUSTED_PROXIES: 'caddy' });
    expectPlainRefusal(proxies, /VALISE_TRUSTED_PROXIES: "caddy" is not an address/);
    const origins = await refusedStart({ PORT: '0', VALISE_DATA: data, VALISE_ALLOWED_ORIGINS: 'app.mon-reseau.fr' });
    expectPlainRefusal(origins, /VALISE_ALLOWED_ORIGINS: "app.mon-reseau.fr" is not an origin/);
    expect(existsSync(data)).toBe(false);
  }, 180_000);

  it('names a HOST that is no address of this machine, a name that resolves to none included', async () => {
    for (const host of ['locahost.invalid', '192.0.2.1']) {
      const refused = await refusedStart({ PORT: '0', VALISE_DATA: join(dir, 'data'), HOST: host });
      expectPlainRefusal(refused, new RegExp(`Valise cannot start: HOST=${host} is not an address of this machine`));
    }
  }, 120_000);

  it('names a data folder it cannot use', async () => {
    const notAFolder = join(dir, 'data');
    writeFileSync(notAFolder, 'a file where the folder should be');
    const refused = await refusedStart({ PORT: '0', VALISE_DATA: notAFolder });
    expectPlainRefusal(refused, new RegExp(`cannot keep its data in ${notAFolder}: it is a file.*VALISE_DATA`));
  }, 60_000);
});

describe('a damaged database at start', () => {
  it.each([
    ['a file that is not a database', notADatabase],
    ['a database whose pages a failing disk overwrote', damagedPages],
  ])(
    '%s: names the file and the restore, and leaves it as it was',
    async (_, damage) => {
      const data = join(dir, 'data');
      mkdirSync(data);
      const file = join(data, 'valise.sqlite');
      await damage(file);
      const before = readFileSync(file);
      const refused = await refusedStart({ PORT: '0', VALISE_DATA: data });
      expectPlainRefusal(
        refused,
        new RegExp(
          `the database ${file} is damaged.*valise restore FILE on a server set up by .valise deploy., else npm run valise -- restore FILE`,
        ),
      );
      expect(readFileSync(file).equals(before)).toBe(true);
    },
    60_000,
  );
});

describe('a database written by a newer Valise', () => {
  it('is refused in one sentence naming the schemas and the way back, and left byte for byte as it was', async () => {
    const data = join(dir, 'data');
    const file = join(data, 'valise.sqlite');
    await newerRelease(file);
    const before = readFileSync(file);
    const refused = await refusedStart({ PORT: '0', VALISE_DATA: data });
    expectPlainRefusal(
      refused,
      new RegExp(
        `Valise cannot start: the database ${file} was written by a newer Valise \\(schema 999, this release knows \\d+\\)\\. Nothing was changed\\..*valise restore FILE on a server set up by .valise deploy., else npm run valise -- restore FILE`,
      ),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);
});

describe('a setting as an admin may write it', () => {
  it('takes an allowed origin written with a trailing slash as the origin a browser sends', () => {
    const config = readConfig({ VALISE_ALLOWED_ORIGINS: 'https://app.mon-reseau.fr/, http://localhost:5173' });
    expect(config.allowedOrigins).toEqual(['https://app.mon-reseau.fr', 'http://localhost:5173']);
  });

  it('invites with the default address, not a bare path', () => {
    const config = readConfig({ VALISE_PUBLIC_URL: '', PORT: '8090' });
    expect(invitationLink(config.publicUrl, 'ABCD-EFGH')).toBe('http://localhost:8090/#/rejoindre?code=ABCD-EFGH');
  });
});
