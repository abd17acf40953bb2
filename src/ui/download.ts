// Hands a file made on the device to the browser's downloads: a Blob URL and a click on a
// link, nothing sent anywhere (works offline).

export function downloadFile(fileName: string, parts: BlobPart[], mimeType: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "2026-11-28" of the device's own day, for file names. */
export function fileDay(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Rencontre régionale !" → "rencontre-regionale": a file name every system accepts. */
export function fileSlug(title: string, fallback: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug || fallback;
}
