// The app's own data context, opened once per tab. Tests open their own with openDataContext.
import { type DataContext, openDataContext } from './context';

let opening: Promise<DataContext> | null = null;
let opened: DataContext | undefined;

/**
 * Opens the database in a task of its own: the first screen asks for it while the browser runs
 * the screen's first effects, a task Lighthouse found long on its slow phone; making the
 * database (Dexie's tables, the middlewares) need not lengthen it.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

export function appData(): Promise<DataContext> {
  opening ??= nextTask()
    .then(() => openDataContext())
    .then((context) => {
      opened = context;
      return context;
    });
  return opening;
}

/** The context once it is open, without waiting: a screen opened later has it from its first frame. */
export function openedAppData(): DataContext | undefined {
  return opened;
}
