// xsd:dateTime (RFC 7643 §2.3.5) as schema/date-time.ts accepts it in resources: date, `T`, time,
// optional fraction, optional zone.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;

/**
 * Parses an xsd:dateTime (RFC 7643 §2.3.5), e.g. `2011-05-13T04:42:34Z` or
 * `2011-05-13T06:42:34.123+02:00`, to epoch milliseconds, so values with different offsets compare
 * as instants. A value without a zone is read as UTC (xsd leaves it undetermined; local time would
 * make results depend on the server's time zone). Fractions beyond milliseconds are truncated.
 * `undefined` for anything else, including impossible dates such as February 30th.
 */
export function parseDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, z, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Second 60 is a leap second (RFC 3339 §5.6), accepted as in resources; it reads as the next minute.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let offset = 0;
  if (z === undefined && sign !== undefined) {
    const offsetHours = Number(oh);
    const offsetMinutes = Number(om);
    if (offsetHours > 14 || offsetMinutes > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const millis = fraction === undefined ? 0 : Number(`${fraction}00`.slice(0, 3));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC maps years 0-99 to 1900-1999.
  if (year < 100) date.setUTCFullYear(year, month - 1, day);
  const time = date.getTime() - offset;
  return Number.isFinite(time) ? time : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
