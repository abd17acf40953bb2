import { restoreAdvice } from '../cli-args';
import { StartRefused } from '../start-refused';

/**
 * A store whose schema a newer Valise wrote: this release's queries may miss what that one
 * keeps, and a write of this release could lose it. Refused before anything is written, so
 * going back to the release that wrote it loses nothing.
 */
export function newerSchemaRefusal(where: string, found: number, known: number): StartRefused {
  return new StartRefused(
    `${where} was written by a newer Valise (schema ${found}, this release knows ${known}). Nothing was changed. ` +
      'Run the release that wrote it, or a newer one; to go back to this release, restore a backup it made: ' +
      `${restoreAdvice('FILE')}.`,
  );
}
