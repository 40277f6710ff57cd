// Dates and time stamps in survey exports: when a pupil sent the form in (Google Forms'
// "Tidstämpel" "2024/03/04 1:07:00 em CET", Microsoft Forms' "Starttid", SurveyMonkey's
// "03/04/2024 01:07:00 PM", a workbook's date cells read as "2024-03-04 13:07"). Such a column
// is never the survey year, but when every date in it falls in one year, that is the year the
// survey was answered in. Birth dates are not: one school year's pupils are born in one year.

const TIME = String.raw`(,?[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?(?:\s*(?:[fe]\.?m\.?|[ap]\.?m\.?))?(?:\s*(?:z|[a-z]{2,5}|(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?))?)?`;
/** Year first: 2024-03-04, 2024/03/04, 2024.03.04. */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
/** Year last: 04/03/2024 (day or month first, which cannot always be told), 4.3.24. */
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}$`, 'i');

/** Years a survey can have been answered in (earlier four-digit numbers are birth years or codes). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

function parts(raw: string): { year: string; timed: boolean } | null {
  const text = raw.trim();
  const first = YEAR_FIRST.exec(text);
  if (first) {
    const month = Number(first[2]);
    const day = Number(first[3]);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year: first[1]!, timed: first[4] !== undefined } : null;
  }
  const last = YEAR_LAST.exec(text);
  if (!last) return null;
  const [a, b] = [Number(last[1]), Number(last[2])];
  // Day–month or month–day: either way both are at most 31 and one of them at most 12.
  if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
  return { year: last[3]!, timed: last[4] !== undefined };
}

/** A date, with or without its time ("2023-10-02", "2023-10-02 08:15", "10/02/23"). */
export function isDateValue(raw: string): boolean {
  return parts(raw) !== null;
}

/**
 * The year of a date written with all four digits of its year, and whether a time of day is
 * written with it; null for anything else (no date, or a year outside 1990–2100).
 */
export function dateYear(raw: string): { year: number; timed: boolean } | null {
  const p = parts(raw);
  if (p === null || p.year.length !== 4) return null;
  const year = Number(p.year);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? { year, timed: p.timed } : null;
}

/** A column of birth dates: its dates are the pupils' own, never when they answered. */
const BIRTH = /(fodd|fodelse|birth|dob)/;
/** A column of when the form was answered, by its name (a date without a time is read only under such a name). */
const ANSWERED = /(tidsstampel|tidstampel|timestamp|starttid|sluttid|tid_for_slutforande|start_?time|end_?time|datum|date|inskick|besvar|submit|complet)/;

/**
 * A date column that tells when each pupil answered: its dates carry a time of day (a form's
 * time stamp), or its name says so (`startdatum`, `Svarsdatum`), and it is not a birth date.
 * `name` is normalised (roles.normalizeName).
 */
export function isAnsweredDate(name: string, timed: boolean): boolean {
  return !BIRTH.test(name) && (timed || ANSWERED.test(name));
}
