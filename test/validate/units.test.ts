// The small parts: choosing the CLI language, the limit on distinct problems kept, and the
// replacement character left by a lossy conversion.
import { describe, expect, it } from 'vitest';
import { cliLanguage, cliMessages } from '../../src/cli/i18n.js';
import { UsageError } from '../../src/errors.js';
import { MAX_GROUPS, ProblemCollector } from '../../src/validate/findings.js';
import { formatValidation, validationJson } from '../../src/validate/format.js';
import { validateProject } from '../../src/validate/validate.js';
import { CONFIG, HEADER, project, respondents, toCsv } from './fixtures.js';

describe('CLI language', () => {
  it('--lang wins, then LC_ALL, LC_MESSAGES, LANG in that order; Swedish locales give sv, others en', () => {
    expect(cliLanguage('sv', { LANG: 'en_US.UTF-8' })).toBe('sv');
    expect(cliLanguage('en', { LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, { LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(cliLanguage(undefined, { LANG: 'sv' })).toBe('sv');
    expect(cliLanguage(undefined, { LC_ALL: 'C.UTF-8', LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, { LC_ALL: '', LC_MESSAGES: 'sv_FI.UTF-8', LANG: 'en_GB' })).toBe('sv');
    expect(cliLanguage(undefined, { LANG: 'C' })).toBe('en');
    expect(cliLanguage(undefined, {})).toBe('en');
    // Not Swedish just because the name starts with the letters.
    expect(cliLanguage(undefined, { LANG: 'svx' })).toBe('en');
    expect(() => cliLanguage('de', {})).toThrow(UsageError);
    expect(() => cliLanguage('de', {})).toThrow('--lang must be sv or en, not "de"');
  });
});

describe('problems beyond the number kept', () => {
  it('are counted and summed up in one line', async () => {
    const c = new ProblemCollector();
    for (let i = 0; i < MAX_GROUPS + 20; i++) {
      c.add({ kind: 'answer', message: `"x${i}" is not an answer of slagen`, key: `F1=x${i}`, location: { file: 'a.csv', line: i + 2, column: 7 } });
    }
    c.add({ kind: 'answer', message: '"x0" is not an answer of slagen', key: 'F1=x0', location: { file: 'a.csv', line: 9999, column: 7 } });
    expect(c.findings()).toHaveLength(MAX_GROUPS);
    expect(c.findings()[0]!.count).toBe(2);
    expect([c.overflow, c.total()]).toEqual([20, MAX_GROUPS + 21]);

    const p = project();
    const rows = respondents(MAX_GROUPS + 20, (i) => ({ F1: `svar ${i}` }));
    const file = p.file('fritext.csv', toCsv([HEADER, ...rows]));
    const r = await validateProject([file], p.config);
    expect([r.rejectedRows, r.unlistedRows]).toEqual([MAX_GROUPS + 20, 20]);
    expect(formatValidation(r, cliMessages('en').validate)).toContain('\n  … and 20 more rows with other problems\n');
  });
});

describe('letters lost in an earlier conversion', () => {
  it('"\uFFFD" in the data is a warning with its cells', async () => {
    const p = project();
    const file = p.file('fffd.csv', toCsv([HEADER, ...respondents(6, (i) => (i === 3 ? { kommun: '\uFFFDby' } : {}))]));
    const r = await validateProject([file], p.config);
    const text = formatValidation(r, cliMessages('en').validate);
    expect(text).toContain(
      '  WARNING  letters were lost in an earlier conversion ("\uFFFD" in place of a character) — 1 cell\n' +
        '           Export the file again from the survey tool; the lost letters cannot be recovered from this file\n' +
        `           at ${file}:4:2 (kommun)\n`,
    );
  });
});

describe('respondents who gave no gender or no school year', () => {
  it('are said to be outside the missing answers\' base, which is then smaller than the respondents', async () => {
    const p = project();
    // Two without a gender and one girl without a school year: all three are in no group.
    const rows = (without: number) => respondents(24, (i) => (i <= without ? (i === 3 ? { ak: '' } : { kon: '' }) : {}));
    const three = await validateProject([p.file('tre-utanfor.csv', toCsv([HEADER, ...rows(3)]))], p.config);
    expect(three.outsideGroups).toBe(3);
    expect(validationJson(three, cliMessages('en').validate)).toMatchObject({ without_gender: 3 });
    const en = formatValidation(three, cliMessages('en').validate);
    expect(en).toContain(' of 21\n  Counted among the 21 respondents in a group by gender and school year: the 3 others (no answer on gender or school year) are in no group and no estimate.\n');
    expect(formatValidation(three, cliMessages('sv').validate)).toContain(
      ' av 21\n  Räknat bland de 21 svarande som hör till en grupp efter kön och årskurs: de 3 övriga (utan svar på kön eller årskurs) ingår inte i någon grupp eller skattning.\n',
    );
    const one = await validateProject([p.file('en-utan-kon.csv', toCsv([HEADER, ...rows(1)]))], p.config);
    expect(formatValidation(one, cliMessages('en').validate)).toContain(
      '  Counted among the 23 respondents in a group by gender and school year: the other one (no answer on gender or school year) is in no group and no estimate.\n',
    );
    // Without a school-year variable the groups are by gender alone.
    const q = project(CONFIG.replace(/ {2}grade:[\s\S]*?(?=answer_scales:)/, ''));
    const noGrade = await validateProject([q.file('utan-arskurs.csv', toCsv([HEADER, ...respondents(24, (i) => (i <= 2 ? { kon: '' } : {}))]))], q.config);
    expect(formatValidation(noGrade, cliMessages('en').validate)).toContain('  Counted among the 22 respondents whose gender is given: the 2 without one are in no group and no estimate.\n');
    // Everyone with a gender: nothing to say.
    const all = await validateProject([p.file('alla.csv', toCsv([HEADER, ...rows(0)]))], p.config);
    expect([all.outsideGroups, formatValidation(all, cliMessages('en').validate)]).toEqual([0, expect.not.stringContaining('Counted among')]);
  });
});
