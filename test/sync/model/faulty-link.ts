// A device's network link in the convergence suite: it can be cut, or made lossy — requests
// dropped before the server, responses lost after the server committed, requests delivered
// twice, or held back and delivered later (after newer ones: reordering).
import type { Fetch } from '../../../src/sync/transport';

export interface HeldRequest {
  url: string;
  init: RequestInit;
}

export interface LinkState {
  offline: boolean;
  lossy: boolean;
}

export class FaultyLink {
  readonly state: LinkState = { offline: false, lossy: false };
  /** Runs once after the server answered the next pull, before the device sees the page. */
  afterNextPull: (() => Promise<void>) | null = null;

  constructor(
    private readonly server: () => Fetch,
    private readonly random: () => number,
    private readonly held: HeldRequest[],
    private readonly pushes: HeldRequest[],
  ) {}

  fetch: Fetch = async (url, init = {}) => {
    if (this.state.offline) throw new TypeError('network is offline');
    if (url.endsWith('/api/sync/push')) this.pushes.push({ url, init });
    if (!this.state.lossy) return this.answer(url, init);
    const roll = this.random();
    if (roll < 0.15) throw new TypeError('request lost');
    if (roll < 0.3) {
      await this.server()(url, init);
      throw new TypeError('response lost after the server answered');
    }
    if (roll < 0.4) {
      await this.server()(url, init);
      return this.server()(url, init);
    }
    if (roll < 0.5) {
      this.held.push({ url, init });
      throw new TypeError('request timed out (it may arrive later)');
    }
    return this.answer(url, init);
  };

  private async answer(url: string, init: RequestInit): Promise<Response> {
    const response = await this.server()(url, init);
    const hook = url.includes('/api/sync/pull') ? this.afterNextPull : null;
    if (hook) {
      this.afterNextPull = null;
      await hook();
    }
    return response;
  }
}

/** A small seeded generator (mulberry32): the same seed replays the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
