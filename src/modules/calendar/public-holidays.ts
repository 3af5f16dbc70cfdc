import type HolidaysType from 'date-holidays';
import { lazyRequire } from '../../platform/lazy-require.ts';
import { ValidationError } from '../../platform/errors.ts';

// The holiday data of every country (~30 MB of memory) loads with the first import, not at startup.
const holidays = lazyRequire<typeof HolidaysType>('date-holidays');

/**
 * A country's (and optionally a region's) public holidays for the given years, one per date,
 * from the date-holidays package's data. Observed substitute days are included.
 */
export function publicHolidays(country: string, region: string | undefined, years: number[]): { date: string; name: string }[] {
  const Holidays = holidays();
  const known = new Holidays();
  if (!known.getCountries()?.[country]) throw new ValidationError([{ path: 'country', message: `no holiday data for ${country}` }]);
  if (region && !known.getStates(country)?.[region]) throw new ValidationError([{ path: 'region', message: `no holiday data for ${country}-${region}` }]);
  const calendar = region ? new Holidays(country, region) : new Holidays(country);
  const byDate = new Map<string, string>();
  for (const year of years) {
    for (const h of calendar.getHolidays(year) || []) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      byDate.set(date, byDate.has(date) ? `${byDate.get(date)} / ${h.name}` : h.name);
    }
  }
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
}
