// Dates as survey tools write when a form was sent in: the year of each, or null for anything
// that is not a date with its year in four digits.
import { describe, expect, it } from 'vitest';
import { dateYear, isAnsweredDate, isDateValue } from '../../src/init/dates.js';

describe('dateYear', () => {
  it.each([
    ['2024/03/04 1:07:00 em CET', 2024, true], // Google Forms, Swedish
    ['2024/03/04 1:07:00 PM GMT+1', 2024, true], // Google Forms, English
    ['2024-03-04 13:07:00', 2024, true], // Microsoft Forms, a workbook's date cell as read
    ['2024-03-04T13:07:00Z', 2024, true],
    ['2024-03-04T13:07:00.123+01:00', 2024, true],
    ['2023-10-02', 2023, false],
    ['03/04/2024 01:07:00 PM', 2024, true], // SurveyMonkey
    ['4.3.2024 13.07', 2024, true],
    ['31/12/2023', 2023, false],
    ['12/31/2023 23:59', 2023, true],
  ])('%s → %s (time of day: %s)', (text, year, timed) => {
    expect(dateYear(text)).toEqual({ year, timed });
  });

  it.each([
    '2023', // a year, not a date
    '2023/24', // a school year
    '10/02/23', // a date, but which century is not written
    '2024-13-04', // no 13th month
    '32/01/2024',
    '13/13/2024',
    '1985-05-01', // a birth date
    '2024-03-04 efter lunch',
    'Ja',
    '',
  ])('%s → null', (text) => {
    expect(dateYear(text)).toBeNull();
  });

  it('when the pupils answered: time stamps, or dates named so; never birth dates (one school year is born in one year)', () => {
    expect(isAnsweredDate('tidstampel', true)).toBe(true);
    expect(isAnsweredDate('kolumn_1', true)).toBe(true);
    expect(isAnsweredDate('startdatum', false)).toBe(true);
    expect(isAnsweredDate('svarsdatum', false)).toBe(true);
    expect(isAnsweredDate('kolumn_1', false)).toBe(false);
    expect(isAnsweredDate('tid_for_slutforande', false)).toBe(true);
    expect(isAnsweredDate('besok_pa_fritidsgarden', false)).toBe(false);
    expect(isAnsweredDate('fodelsedatum', false)).toBe(false);
    expect(isAnsweredDate('date_of_birth', true)).toBe(false);
  });

  it('two-digit years are dates all the same (a date column is never the survey year)', () => {
    expect(isDateValue('10/02/23')).toBe(true);
    expect(isDateValue('2023/24')).toBe(false);
  });
});
