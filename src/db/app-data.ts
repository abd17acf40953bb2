// The app's own data context, opened once per tab. Tests open their own with openDataContext.
import { type DataContext, openDataContext } from './context';

let opening: Promise<DataContext> | null = null;

export function appData(): Promise<DataContext> {
  opening ??= openDataContext();
  return opening;
}
