// The participants screen's pure logic: a link as a full URL, and CSV rows as the import body.

/** The link as a full URL (the server gives a path when it does not know its public address). */
export function absoluteLink(link: string, origin = globalThis.location?.origin ?? ''): string {
  return /^https?:\/\//.test(link) ? link : `${origin}${link.startsWith('/') ? '' : '/'}${link}`;
}

/**
 * Rows of a parsed CSV (header row → objects) as the import body: `code` kept as text, the
 * household size as a number when it is one (left as text otherwise, for the server to report),
 * empty cells left out. Header names are matched without case, spaces, `_` or `-`.
 */
export function csvRowsToParticipants(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const norm = (k: string) => k.toLowerCase().replace(/[\s_-]/g, '');
  const columns: Record<string, 'code' | 'cotisationTier' | 'householdSize' | 'householdType'> = {
    code: 'code',
    cotisationtier: 'cotisationTier',
    householdsize: 'householdSize',
    householdtype: 'householdType',
  };
  return rows
    .map((row) => {
      const out: Record<string, unknown> = {};
      const attributes: Record<string, unknown> = {};
      for (const [key, raw] of Object.entries(row)) {
        const field = columns[norm(key)];
        if (!field) continue;
        const value = typeof raw === 'string' ? raw.trim() : raw;
        if (value === '' || value === null || value === undefined) continue;
        if (field === 'code') out.code = String(value);
        else if (field === 'householdSize') {
          const n = Number(String(value).replace(',', '.'));
          attributes.householdSize = Number.isFinite(n) ? n : value;
        } else attributes[field] = String(value);
      }
      if (Object.keys(attributes).length > 0) out.attributes = attributes;
      return out;
    })
    .filter((r) => Object.keys(r).length > 0);
}
