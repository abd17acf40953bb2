// A small disk of a test's own: a tmpfs mounted in a private mount namespace (util-linux's
// unshare -rm, which needs no root), over a server's data folder or a browser's profile.
import { spawnSync } from 'node:child_process';

/** Why this machine cannot mount a private tmpfs (a suite then skips, saying so), or null. */
export function privateTmpfsUnavailable(): string | null {
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], {
    encoding: 'utf8',
  });
  if (probe.status === 0) return null;
  return `no private tmpfs here (unshare -rm: ${(probe.error?.message ?? probe.stderr).trim()})`;
}
