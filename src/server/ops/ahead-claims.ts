// A device that pulls with a cursor past its network's newest record says "this store went
// back in time" (a backup copied in by hand), and a new epoch makes every device of the server
// send back all it holds and pull everything again. Any device can send any cursor, so one
// device's word is not enough: a network says so through an admin's device, or two of its
// devices. The epoch is the whole server's: on a server of several networks, one network's
// word (its admin's, perhaps a hostile one) would make every other network's devices resend
// all they hold, so it takes two networks. A new epoch by claims starts at most once an hour.
import type { Device } from '../store/store';

/** A claim older than this is forgotten; a new epoch by claims comes at most this often. */
const AHEAD_CLAIM_WINDOW_MS = 3_600_000;

export class AheadClaims {
  /** Each network's claiming devices, by id, with whether each is an admin's and when it claimed. */
  private readonly claims = new Map<string, Map<string, { admin: boolean; at: number }>>();
  private lastRenewal = Number.NEGATIVE_INFINITY;

  /** Records the claim; true when it is enough to start a new epoch now. `networks`: how many the server holds. */
  believe(device: Pick<Device, 'id' | 'networkId' | 'role'>, now: number, networks: number): boolean {
    if (now - this.lastRenewal < AHEAD_CLAIM_WINDOW_MS) return false;
    for (const [networkId, devices] of this.claims) {
      for (const [id, claim] of devices) if (now - claim.at >= AHEAD_CLAIM_WINDOW_MS) devices.delete(id);
      if (devices.size === 0) this.claims.delete(networkId);
    }
    const network = this.claims.get(device.networkId) ?? new Map();
    network.set(device.id, { admin: device.role === 'admin', at: now });
    this.claims.set(device.networkId, network);
    const saying = [...this.claims.values()].filter(
      (devices) => devices.size >= 2 || [...devices.values()].some((claim) => claim.admin),
    ).length;
    if (saying < Math.min(2, networks)) return false;
    this.claims.clear();
    this.lastRenewal = now;
    return true;
  }
}
