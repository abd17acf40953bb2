// The clocks of content the app ships (the starter valise): an old fixed time and a node no
// device has, so any real edit wins over them and they are known for what they are anywhere,
// at the server too. Nobody typed a value written under one of them.
const SEED_TIME = '2024-01-01T00:00:00.000Z';
const SEED_NODE = '0000000000000000';

/** The seed's clock at a revision of the shipped text: a later revision wins over an earlier one. */
export function seedClock(revision: number): string {
  return `${SEED_TIME}-${revision.toString(16).padStart(4, '0')}-${SEED_NODE}`;
}

/** A clock shipped content was written with, by this version or an earlier one. */
export function isSeedClock(clock: string): boolean {
  return clock.startsWith(`${SEED_TIME}-`) && clock.endsWith(`-${SEED_NODE}`);
}
