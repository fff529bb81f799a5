/** `audit-cases_abc123-2026-05-01.csv`, `audit-latest-2026-05-01.csv`: the entity made safe for a file name. */
export function csvFileName(entity: string | null, now: Date): string {
  const what = entity ? entity.replace(/[^A-Za-z0-9_@~-]+/g, '_') : 'latest';
  const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `audit-${what}-${date}.csv`;
}

/** Starts the browser's download of `url` as `fileName` (the link is made, clicked and removed at once). */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
