// A device whose disk is nearly full, as a phone's often is: Chromium keeps its profile (and so
// the app's IndexedDB) on a small tmpfs of its own, mounted in a private mount namespace
// (util-linux's unshare, as the server's full-disk test does), then the page fills it. A write
// past the room left then fails as it does on a real device, with a QuotaExceededError.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { chromiumPath, launchProfileDevice, type Viewport } from './browser';

/** Chromium with its profile on a tmpfs of `size` (Chromium itself takes a few megabytes of it). */
export async function launchSmallDiskDevice(viewport: Viewport, size = '48m'): Promise<BrowserContext> {
  const folder = mkdtempSync(join(tmpdir(), 'valise-small-disk-'));
  const launcher = join(folder, 'chromium');
  // Playwright runs its browser with the profile among the arguments: the launcher mounts the
  // tmpfs over that folder, then becomes Chromium with the same arguments.
  writeFileSync(
    launcher,
    [
      '#!/bin/sh',
      'for arg; do case "$arg" in --user-data-dir=*) profile=$(echo "$arg" | cut -d= -f2-);; esac; done',
      `exec unshare -rm sh -c 'mount -t tmpfs -o size=${size} tmpfs "$0" && exec ${chromiumPath()} "$@"' "$profile" "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(launcher, 0o755);
  const context = await launchProfileDevice(viewport, launcher);
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    rmSync(folder, { recursive: true, force: true });
  };
  return context;
}

/**
 * Fills the device's disk from the page, with a database of its own (`filler`): blocks of
 * 1 MB, then 64 KB, then 4 KB, each until the browser refuses it. In-page; returns the error's
 * name the browser gave.
 */
export function fillDisk(): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('filler', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('blocks', { autoIncrement: true });
    open.onerror = () => reject(open.error);
    open.onsuccess = async () => {
      const db = open.result;
      // Random bytes: a browser that compresses what it stores would make zeros take no room.
      const block = (size: number) => {
        const bytes = new Uint8Array(size);
        for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
        return bytes;
      };
      const put = (size: number) =>
        new Promise<string | null>((done) => {
          const transaction = db.transaction('blocks', 'readwrite');
          transaction.objectStore('blocks').add(block(size));
          transaction.oncomplete = () => done(null);
          transaction.onabort = () => done(transaction.error?.name ?? 'AbortError');
        });
      let refusal = 'none';
      for (const size of [1_048_576, 65_536, 4_096]) {
        for (let written = 0; written < 1_000; written++) {
          const failed = await put(size);
          if (failed === null) continue;
          refusal = failed;
          break;
        }
      }
      db.close();
      resolve(refusal);
    };
  });
}

/** Frees what `fillDisk` took. In-page. */
export function freeDisk(): Promise<void> {
  return new Promise((resolve, reject) => {
    const deletion = indexedDB.deleteDatabase('filler');
    deletion.onsuccess = () => resolve();
    deletion.onerror = () => reject(deletion.error);
  });
}
