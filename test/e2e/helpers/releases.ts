// The releases of Valise, oldest first: the commit each was cut from (a full id — tags may not
// travel with a clone) and its version. The N−1 suite (test/e2e/releases.test.ts) builds the
// last one from git history and runs it against today's server and data (README, "Releases").
export interface Release {
  version: string;
  commit: string;
  /** Its PROTOCOL_VERSION. */
  protocol: number;
}

/** What a build from history needs: a release, or the last commit of a schema version. */
export type BuildSource = Pick<Release, 'version' | 'commit'>;

export const RELEASES: readonly Release[] = [
  { version: '0.1.0', commit: '8e66289302465518e61d3bf6bf1390fb49c5398a', protocol: 1 },
];

/** The release before today's code. */
export function previousRelease(): Release {
  const last = RELEASES.at(-1);
  if (!last) throw new Error('no release is named in test/e2e/helpers/releases.ts');
  return last;
}
