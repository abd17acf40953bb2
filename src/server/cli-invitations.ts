// `invitations`: the network's invitations not used yet, and ending one (sent to the wrong
// person, or with the wrong role) from the server's shell, as an admin does in Réglages.
import { isId } from '../domain/ids';
import type { OpenInvitationInfo } from '../protocol/wire';
import { CliError, type CliIo, commandOf } from './cli-args';
import type { Network, Store } from './store/store';

// The server's clock is UTC; said, so an admin abroad does not misread an expiry by hours.
function minute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function madeBy(invitation: OpenInvitationInfo): string {
  // Made before the server kept when and by whom: nothing to say but that.
  if (invitation.createdAt === null) return 'made before invitations were dated';
  const by = invitation.creator
    ? `by ${invitation.creator.memberName} — ${invitation.creator.deviceName}`
    : 'from the shell';
  return `made ${minute(invitation.createdAt)} ${by}`;
}

export async function listInvitations(store: Store, network: Network, io: CliIo): Promise<void> {
  const open = await store.listOpenInvitations(network.id, new Date().toISOString());
  // An empty list would print nothing at all, which reads as a command that did not work.
  if (open.length === 0) io.out(`No invitation to "${network.name}" is waiting to be used.`);
  for (const invitation of open)
    io.out(
      `${invitation.id}  ${invitation.role.padEnd(9)}  until ${minute(invitation.expiresAt)}  ${madeBy(invitation)}`,
    );
}

export async function cancelInvitation(store: Store, network: Network, id: string | undefined, io: CliIo) {
  if (!id || !isId(id))
    throw new CliError(`Give the id of the invitation to cancel (see: ${commandOf(io)} invitations).`);
  if (!(await store.endInvitation(network.id, { id }, new Date().toISOString())))
    throw new CliError(
      `No invitation ${id} of "${network.name}" is waiting to be used (see: ${commandOf(io)} invitations).`,
    );
  io.out(`Invitation ${id} cancelled: its code no longer lets anyone join.`);
}
