/**
 * Automatic routing (DESIGN §7): "Tentukan otomatis" picks the unit whose keyword matches the
 * complaint text or post URL, case- and accent-insensitively; the most specific match (the
 * longest keyword) wins; a tie between units or no match leaves the complaint for the admin.
 */

export interface RoutableUnit {
  name: string;
  keywords: string[];
  active: boolean;
}

export type RoutingResult =
  { unit: string; keyword: string } | { unit: null; reason: 'no-match' | 'tie'; candidates: string[] };

export function normaliseForMatch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function routeByKeywords(text: string, postUrl: string, units: RoutableUnit[]): RoutingResult {
  const haystack = ` ${normaliseForMatch(`${text} ${postUrl}`)} `;
  let best = 0;
  let winners: { unit: string; keyword: string }[] = [];
  for (const unit of units) {
    if (!unit.active) continue;
    for (const raw of unit.keywords) {
      const keyword = normaliseForMatch(raw);
      if (!keyword || !haystack.includes(` ${keyword} `)) continue;
      const specificity = keyword.length;
      if (specificity > best) {
        best = specificity;
        winners = [{ unit: unit.name, keyword: raw }];
      } else if (specificity === best && !winners.some((w) => w.unit === unit.name)) {
        winners.push({ unit: unit.name, keyword: raw });
      }
    }
  }
  if (winners.length === 1) return winners[0];
  return { unit: null, reason: winners.length === 0 ? 'no-match' : 'tie', candidates: winners.map((w) => w.unit) };
}
