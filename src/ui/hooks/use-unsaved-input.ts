import { useEffect } from 'preact/hooks';
import { holdUnsavedInput } from '../../state/ui';

/**
 * Declares that this form holds input not saved yet while `dirty` is true: an app update then
 * asks before reloading, and leaving the page asks the browser's confirmation.
 */
export function useUnsavedInput(dirty: boolean): void {
  useEffect(() => (dirty ? holdUnsavedInput() : undefined), [dirty]);
}
