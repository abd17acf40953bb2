// A device that pulls with a cursor past its network's newest record says "this store went
// back in time" (a backup copied in by hand), and a new epoch makes every device of the server
// send back all it holds and pull everything again. Any device can send any cursor, so one
// device's word is not enough: a new epoch needs an admin's device, or a second device of the
// same network, and starts at most once an hour this way.
import type { Device } from '../store/store';

/** A claim older than this is forgotten; a new epoch by claims comes at most this often. */
const AHEAD_CLAIM_WINDOW_MS = 3_600_000;

export class AheadClaims {
  /** When each device of each network last claimed, within the window. */
  private readonly claims = new Map<string, Map<string, number>>();
  private lastRenewal = Number.NEGATIVE_INFINITY;

  /** Records the claim; true when it is enough to start a new epoch now. */
  believe(device: Pick<Device, 'id' | 'networkId' | 'role'>, now: number): boolean {
    if (now - this.lastRenewal < AHEAD_CLAIM_WINDOW_MS) return false;
    const network = this.claims.get(device.networkId) ?? new Map<string, number>();
    for (const [id, at] of network) if (now - at >= AHEAD_CLAIM_WINDOW_MS) network.delete(id);
    network.set(device.id, now);
    this.claims.set(device.networkId, network);
    if (device.role !== 'admin' && network.size < 2) return false;
    this.claims.clear();
    this.lastRenewal = now;
    return true;
  }
}
