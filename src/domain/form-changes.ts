// What an edit form writes: the fields the person changed, not the whole record as the form
// opened it. A field left alone keeps what another tab, or a pulled edit of another device,
// wrote while the form was open; the form's older copy written back with a newer clock would
// undo that edit on every device.

/** The fields of `fields` that differ from `opened` (the same fields as the form opened). */
export function changedSince<T extends object>(fields: T, opened: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[])
    if (JSON.stringify(fields[key]) !== JSON.stringify(opened[key])) changed[key] = fields[key];
  return changed;
}
