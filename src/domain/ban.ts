// The national address base (BAN, api-adresse.data.gouv.fr): the question to ask for a lieu
// and the reading of its answer. The request itself is the network layer's (src/sync/ban.ts).
import { type LatLon, positionOf } from './geo';
import type { Organisation } from './organisation';

const BAN_SEARCH_URL = 'https://api-adresse.data.gouv.fr/search/';

/** Below this score the BAN is guessing: better no position than a wrong one. */
const MIN_SCORE = 0.5;

/** The search URL for a lieu's address, or null when it has nothing to search by. */
export function banSearchUrl(
  lieu: Pick<Organisation, 'address' | 'postcode' | 'commune' | 'inseeCode'>,
): string | null {
  const text = [lieu.address, lieu.postcode, lieu.commune]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  // The BAN wants at least 3 characters and refuses more than 200.
  if (text.length < 3) return null;
  const params = new URLSearchParams({ q: text.slice(0, 200), limit: '1' });
  // The commune's code narrows the search to it: "1 rue de la Gare" is in thousands of towns.
  if (lieu.inseeCode) params.set('citycode', lieu.inseeCode);
  return `${BAN_SEARCH_URL}?${params}`;
}

export interface BanPlace extends LatLon {
  label: string;
  score: number;
}

/** The best place of a BAN answer (GeoJSON, coordinates as [longitude, latitude]), if sure enough. */
export function readBanAnswer(answer: unknown): BanPlace | null {
  const features = (answer as { features?: unknown } | null)?.features;
  if (!Array.isArray(features) || features.length === 0) return null;
  const feature = features[0] as {
    geometry?: { coordinates?: unknown };
    properties?: { label?: unknown; score?: unknown };
  };
  const coordinates = feature.geometry?.coordinates;
  if (!Array.isArray(coordinates)) return null;
  const position = positionOf({ longitude: coordinates[0] as number, latitude: coordinates[1] as number });
  const score = feature.properties?.score;
  if (!position || typeof score !== 'number' || score < MIN_SCORE) return null;
  const label = feature.properties?.label;
  return { ...position, score, label: typeof label === 'string' ? label.slice(0, 300) : '' };
}
