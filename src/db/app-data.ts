// The app's own data context, opened once per tab. Tests open their own with openDataContext.
import { type DataContext, openDataContext } from './context';

let opening: Promise<DataContext> | null = null;
let opened: DataContext | undefined;

export function appData(): Promise<DataContext> {
  opening ??= openDataContext().then((context) => {
    opened = context;
    return context;
  });
  return opening;
}

/** The context once it is open, without waiting: a screen opened later has it from its first frame. */
export function openedAppData(): DataContext | undefined {
  return opened;
}
