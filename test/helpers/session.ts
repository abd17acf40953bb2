// A device joined to a network, as the sync store holds it: what screens read to show the
// network's name, the member and their role.
import type { Session } from '../../src/db/context';

export function joinedSession(overrides: Partial<Session> = {}): Session {
  return {
    networkId: 'network',
    networkName: 'Réseau du bassin',
    deviceId: 'device',
    memberName: 'Léa Petit',
    role: 'concierge',
    maxAttachmentBytes: 10_000_000,
    serverUrl: 'https://valise.example',
    token: 'token',
    ...overrides,
  };
}
