// The one request to the national address base (BAN): a lieu's address to a position. Like
// the sync, it never throws at the screen: no network, a slow or failing BAN, an unsure
// answer all come back as a named outcome, and nothing is written here.
import { type BanPlace, banSearchUrl, readBanAnswer } from '../domain/ban';
import type { Organisation } from '../domain/organisation';
import type { Fetch } from './transport';

type BanOutcome =
  | { kind: 'found'; place: BanPlace }
  /** The lieu has no address, postcode or commune to search by. */
  | { kind: 'no-address' }
  /** The BAN answered but found nothing sure enough. */
  | { kind: 'not-found' }
  /** No network, a timeout or a failing BAN: try again online. */
  | { kind: 'unreachable' };

const TIMEOUT_MS = 8000;

export async function locateWithBan(
  lieu: Pick<Organisation, 'address' | 'postcode' | 'commune' | 'inseeCode'>,
  fetcher: Fetch = (input, init) => fetch(input, init),
): Promise<BanOutcome> {
  const url = banSearchUrl(lieu);
  if (url === null) return { kind: 'no-address' };
  try {
    const response = await fetcher(url, { signal: AbortSignal.timeout(TIMEOUT_MS), credentials: 'omit' });
    if (!response.ok) return { kind: 'unreachable' };
    const place = readBanAnswer(await response.json());
    return place ? { kind: 'found', place } : { kind: 'not-found' };
  } catch {
    return { kind: 'unreachable' };
  }
}
