/** Complaint numbers `ADU-<year>-<NNNN>` (DESIGN §5): a sequence per registration year. */

const PATTERN = /^ADU-(\d{4})-(\d{4,})$/;

export function formatComplaintNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`invalid complaint sequence ${sequence}`);
  return `ADU-${year}-${String(sequence).padStart(4, '0')}`;
}

export function parseComplaintNumber(value: string): { year: number; sequence: number } | null {
  const m = PATTERN.exec(String(value).trim());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}

/** The highest sequence used per year among existing numbers. */
export function highestSequences(numbers: Iterable<string>): Map<number, number> {
  const out = new Map<number, number>();
  for (const n of numbers) {
    const p = parseComplaintNumber(n);
    if (p && p.sequence > (out.get(p.year) ?? 0)) out.set(p.year, p.sequence);
  }
  return out;
}

/**
 * Allocates the next number for `year`, given the counter kept by the system and the numbers in
 * the register (whichever is higher wins, so a lost counter never reuses a number).
 */
export function nextComplaintNumber(
  year: number,
  counter: number,
  registerHighest: number,
): { number: string; sequence: number } {
  // A counter read from an empty or damaged property is NaN; Math.max would then be NaN too.
  const known = (n: number) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  const sequence = Math.max(known(counter), known(registerHighest)) + 1;
  return { number: formatComplaintNumber(year, sequence), sequence };
}
