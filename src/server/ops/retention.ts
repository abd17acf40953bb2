// Which backups to keep: the newest of each of the last N days that have one, and the newest of
// each of the last M ISO weeks. Pure, so the rule has its own tests.

interface BackupFile {
  name: string;
  /** When the backup was taken (from its name). */
  at: Date;
}

/** `valise-20261203-033012.sqlite` or `.dump` (PostgreSQL): UTC time in the name, sortable. */
const BACKUP_NAME = /^valise-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.(sqlite|dump)$/;

export function backupName(at: Date, kind: 'sqlite' | 'dump'): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `valise-${stamp}.${kind}`;
}

export function parseBackupName(name: string): BackupFile | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return { name, at: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`) };
}

/** The files to delete; the newest backup is always kept. */
export function expiredBackups(files: readonly BackupFile[], keepDaily: number, keepWeekly: number): string[] {
  const newestFirst = [...files].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<string>(newestFirst.slice(0, 1).map((file) => file.name));
  for (const [period, count] of [
    [dayOf, keepDaily],
    [isoWeekOf, keepWeekly],
  ] as const) {
    const seen = new Set<string>();
    for (const file of newestFirst) {
      const key = period(file.at);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(file.name);
    }
  }
  return newestFirst.filter((file) => !keep.has(file.name)).map((file) => file.name);
}

function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function isoWeekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week names its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${week}`;
}
