// A device that pulls with a cursor past its network's newest record says "this store went
// back in time" (a backup copied in by hand), and a new epoch makes every device of that
// network send back all it holds and pull everything again. Any device can send any cursor, so
// one device's word is not enough: a new epoch needs an admin's device, or a second device of
// the same network, and starts at most once an hour for a network this way. It is the
// network's own epoch (src/server/ops/epoch.ts): one network's devices, or its admin, never
// make another network's devices resend what they hold.
import type { Device } from '../store/store';

/** A claim older than this is forgotten; a new epoch by claims comes at most this often. */
const AHEAD_CLAIM_WINDOW_MS = 3_600_000;

export class AheadClaims {
  /** When each device of each network last claimed, within the window. */
  private readonly claims = new Map<string, Map<string, number>>();
  /** When each network last started a new epoch by claims. */
  private readonly renewals = new Map<string, number>();
  /** When each device's claim was last written to the log. */
  private readonly logged = new Map<string, number>();

  /** Records the claim; true when it is enough to start a new epoch for the device's network now. */
  believe(device: Pick<Device, 'id' | 'networkId' | 'role'>, now: number): boolean {
    const renewed = this.renewals.get(device.networkId);
    if (renewed !== undefined && now - renewed < AHEAD_CLAIM_WINDOW_MS) return false;
    const network = this.claims.get(device.networkId) ?? new Map<string, number>();
    for (const [id, at] of network) if (now - at >= AHEAD_CLAIM_WINDOW_MS) network.delete(id);
    network.set(device.id, now);
    this.claims.set(device.networkId, network);
    if (device.role !== 'admin' && network.size < 2) return false;
    this.claims.delete(device.networkId);
    this.renewals.set(device.networkId, now);
    return true;
  }

  /**
   * True at a device's first claim of the window: its claims that go unbelieved are logged once
   * an hour, not once a pull (a member could fill the log at the rate limiter's pace).
   */
  worthLogging(deviceId: string, now: number): boolean {
    const last = this.logged.get(deviceId);
    if (last !== undefined && now - last < AHEAD_CLAIM_WINDOW_MS) return false;
    this.logged.set(deviceId, now);
    return true;
  }
}
