// Who may change what. The server enforces it on every mutation; the UI uses the same rule
// to hide what a role cannot do.
import type { RecordType } from './record-types';
import type { Role } from './vocabulary';

interface WriteAttempt {
  role: Role;
  type: RecordType;
  /** The record as stored before the write; null for a creation. */
  existing: Record<string, unknown> | null;
  /** The changed top-level fields and their new values. */
  fields: Record<string, unknown>;
}

const BOOKKEEPING = new Set(['updatedAt', 'updatedBy']);

/** Returns why the write is refused, or null when it is allowed. */
export function refusal({ role, type, existing, fields }: WriteAttempt): string | null {
  if (role === 'admin')
    return type === 'conflicts' && existing === null ? 'conflicts are created by the server only' : null;
  const changed = Object.keys(fields).filter((key) => !BOOKKEEPING.has(key));
  switch (type) {
    case 'diagnosticTemplates':
      return 'only an admin can change diagnostic templates';
    case 'conflicts':
      if (existing === null) return 'conflicts are created by the server only';
      return changed.every((key) => key === 'deleted') ? null : 'a conflict can only be resolved';
    case 'toolboxItems': {
      if (existing === null) return fields.status === 'suggested' ? null : 'a concierge can only suggest toolbox items';
      if (existing.status !== 'suggested') return 'only an admin can change a published toolbox item';
      return 'status' in fields && fields.status !== 'suggested' ? 'only an admin can publish a toolbox item' : null;
    }
    default:
      return null;
  }
}
