/**
 * Satisfaction figures (DESIGN §15): the average rating and the number of ratings, overall and
 * per unit, channel and month, from the latest rating of each complaint. A rating counts in the
 * period in which it was given (the latest one); the unit and channel are the complaint's.
 * No comment text goes into the figures.
 */
import type { Complaint } from '../complaint';
import { monthKeyOf } from './month';
import type { Rating } from './rating';

export interface RatingTally {
  readonly name: string;
  readonly count: number;
  /** Average score, or null when nothing was rated. */
  readonly average: number | null;
}

export interface SatisfactionFigures {
  readonly overall: RatingTally;
  readonly byUnit: readonly RatingTally[];
  readonly byChannel: readonly RatingTally[];
  /** By the month the rating was given (yyyy-MM, WIB), oldest first. */
  readonly byMonth: readonly RatingTally[];
}

const NO_UNIT = '(belum ada unit)';
const NO_CHANNEL = '(kosong)';

class Sum {
  count = 0;
  total = 0;
  add(score: number): void {
    this.count++;
    this.total += score;
  }
  tally(name: string): RatingTally {
    return { name, count: this.count, average: this.count ? Math.round((this.total / this.count) * 100) / 100 : null };
  }
}

function tallies(map: Map<string, Sum>, sort: 'volume' | 'name'): RatingTally[] {
  const list = [...map].map(([k, s]) => s.tally(k));
  return sort === 'name'
    ? list.sort((a, b) => a.name.localeCompare(b.name))
    : list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * Figures of the ratings given in [from, to) (all ratings when no period is given). Ratings of
 * numbers not in the register are ignored.
 */
export function satisfactionOf(
  ratings: Iterable<Rating>,
  complaints: readonly Pick<Complaint, 'number' | 'unit' | 'channel'>[],
  period?: { from: Date; to: Date },
): SatisfactionFigures {
  const byNumber = new Map(complaints.map((c) => [c.number, c]));
  const overall = new Sum();
  const byUnit = new Map<string, Sum>();
  const byChannel = new Map<string, Sum>();
  const byMonth = new Map<string, Sum>();
  const sumOf = (map: Map<string, Sum>, key: string): Sum => {
    let s = map.get(key);
    if (!s) map.set(key, (s = new Sum()));
    return s;
  };
  for (const r of ratings) {
    const c = byNumber.get(r.number);
    if (!c) continue;
    const t = r.at.getTime();
    if (period && (t < period.from.getTime() || t >= period.to.getTime())) continue;
    overall.add(r.score);
    sumOf(byUnit, c.unit.trim() || NO_UNIT).add(r.score);
    sumOf(byChannel, c.channel.trim() || NO_CHANNEL).add(r.score);
    sumOf(byMonth, monthKeyOf(r.at)).add(r.score);
  }
  return {
    overall: overall.tally(''),
    byUnit: tallies(byUnit, 'volume'),
    byChannel: tallies(byChannel, 'volume'),
    byMonth: tallies(byMonth, 'name'),
  };
}
