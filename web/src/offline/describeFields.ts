/** The values an action carries, as one line the RO recognises ("channel: phone, notes: ..."). */
export function describeFields(payload: Record<string, unknown>): string {
  const flat: [string, unknown][] = [];
  for (const [k, v] of Object.entries(payload)) {
    if (k === 'expectedRev') continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) flat.push(...Object.entries(v as Record<string, unknown>));
    else flat.push([k, v]);
  }
  return flat
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}
