/** The calendar month (yyyy-MM) of an instant in WIB. */
import { DateTime } from 'luxon';
import { ZONE } from '../values';

export function monthKeyOf(d: Date, zone = ZONE): string {
  return DateTime.fromMillis(d.getTime(), { zone }).toFormat('yyyy-MM');
}
