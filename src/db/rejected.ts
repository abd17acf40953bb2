// Changes the server refused, kept with their values and reason until the person dismisses them.
import type { DataContext } from './context';
import type { RejectedMutation } from './schema';

export async function listRejected(context: DataContext): Promise<RejectedMutation[]> {
  return (await context.db.rejected.toArray()).sort((a, b) => (a.rejectedAt < b.rejectedAt ? 1 : -1));
}

export async function dismissRejected(context: DataContext, id: string): Promise<void> {
  await context.db.rejected.delete(id);
}
