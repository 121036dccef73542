// xsd:dateTime (RFC 7643 §2.3.5) in the RFC 3339 spelling: date and time required, fraction and
// zone optional (xsd allows a local time; RFC 3339 allows a lowercase "t" and "z").
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `text` is a valid SCIM dateTime (RFC 7643 §2.3.5): an xsd:dateTime such as
 * `2011-08-01T18:29:49.793Z`, with a real calendar date and clock time. Filters and validation
 * share it, so a value accepted in a resource is accepted in a filter too.
 */
export function isScimDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (match === null) return false;
  const [, year, month, day, hour, minute, second, zoneHour, zoneMinute] = match.map(Number);
  if (month === undefined || month < 1 || month > 12 || day === undefined || day < 1) return false;
  if (day > (DAYS_IN_MONTH[month - 1] ?? 0)) return false;
  if (month === 2 && day === 29 && !isLeapYear(year ?? 0)) return false;
  // Second 60 is a leap second (RFC 3339 §5.6).
  if ((hour ?? 24) > 23 || (minute ?? 60) > 59 || (second ?? 61) > 60) return false;
  if (zoneHour !== undefined && !Number.isNaN(zoneHour) && (zoneHour > 14 || (zoneMinute ?? 0) > 59))
    return false;
  return true;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
