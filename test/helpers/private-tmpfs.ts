// A small disk of a test's own: a tmpfs mounted in a private mount namespace (util-linux's
// unshare -rm, which needs no root), over a server's data folder or a browser's profile.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerProcess, startServerProcess } from './server-process';

/** Why this machine cannot mount a private tmpfs (a suite then skips, saying so), or null. */
export function privateTmpfsUnavailable(): string | null {
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], {
    encoding: 'utf8',
  });
  if (probe.status === 0) return null;
  return `no private tmpfs here (unshare -rm: ${(probe.error?.message ?? probe.stderr).trim()})`;
}

/**
 * The real server with a disk of its own: 4 MB of tmpfs over its data folder (`dir`/data), seen
 * only by it, and its largest request (body or file) of `largestWrite` bytes.
 */
export async function startServerOnSmallDisk(
  dir: string,
  largestWrite: number,
): Promise<{ server: ServerProcess; dataDir: string }> {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const server = await startServerProcess(
    {
      VALISE_DATA: dataDir,
      VALISE_DIST: join(dir, 'dist'),
      VALISE_MAX_ATTACHMENT_BYTES: String(largestWrite),
      VALISE_MAX_BODY_BYTES: String(largestWrite),
    },
    { launcher: ['unshare', '-rm', 'sh', '-c', 'mount -t tmpfs -o size=4m tmpfs "$VALISE_DATA" && exec "$@"', 'sh'] },
  );
  return { server, dataDir };
}

/**
 * Fills the server's disk, as it sees it through its process's root, but `leftBytes`; returns
 * the filler's path (removing it gives the room back).
 */
export function fillServerDisk(server: ServerProcess, dataDir: string, leftBytes: number): string {
  const disk = `/proc/${server.child.pid}/root${dataDir}`;
  const { bavail, bsize } = statfsSync(disk);
  const filler = join(disk, 'filler');
  writeFileSync(filler, Buffer.alloc(bavail * bsize - leftBytes));
  return filler;
}
