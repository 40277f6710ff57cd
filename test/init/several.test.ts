// init on a "tick all that apply" question whose ticked options are in one cell (Google Forms,
// Microsoft Forms): the options are found (a comma inside an option kept), each is matched as a
// box of the question, and the proposal reads the one column with `several_answers`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { profileCsv, type ColumnProfile } from '../../src/init/profile.js';
import { propose } from '../../src/init/propose.js';
import { optionsOf, tickedColumn } from '../../src/init/several.js';
import { loadTemplate } from '../../src/init/template.js';
import { tempDir, writeFile } from '../fixtures/mini-project.js';

const FORMS = fileURLToPath(new URL('../fixtures/google-forms/svar.csv', import.meta.url));
const WHERE = 'Om ja: var hände det? (Du kan välja flera svar)';
const OUT = 'Ute, på stan eller i parken';

const column = (question: string, values: [string, number][]): ColumnProfile => ({
  name: question,
  question,
  index: 0,
  values: new Map(values),
  filled: values.reduce((s, [, n]) => s + n, 0),
  numeric: false,
  integer: false,
  min: Number.NaN,
  max: Number.NaN,
  long: false,
  duplicateName: false,
  dateYears: null,
  timed: false,
});

describe('options ticked in one cell', () => {
  it('splits at ", " and ";" but not inside an option ("Ute, på stan …" goes on in lower case)', () => {
    expect(optionsOf(`I skolan, ${OUT}, Hemma`)).toEqual(['I skolan', OUT, 'Hemma']);
    expect(optionsOf('I skolan;Hemma;')).toEqual(['I skolan', 'Hemma']);
    expect(optionsOf('Ja, en gång')).toEqual(['Ja, en gång']);
  });

  it('a column is one when a cell holds several options and the question says so, or two cells do; never an answer scale', () => {
    expect(tickedColumn(column(WHERE, [[`I skolan, ${OUT}`, 13], ['Hemma', 8], ['', 51]]))?.options).toEqual(['I skolan', OUT, 'Hemma']);
    // Without the question saying so, one combined cell could be one answer with a comma.
    expect(tickedColumn(column('Var hände det?', [[`I skolan, Hemma`, 3], ['Hemma', 8]]))).toBeNull();
    expect(tickedColumn(column('Var hände det?', [['I skolan;Hemma;', 3], ['Hemma;På nätet;', 2], ['Hemma;', 8]]))?.options).toEqual(['I skolan', 'Hemma', 'På nätet']);
    // Microsoft Forms ends every cell with ";", also where one option is ticked.
    expect(tickedColumn(column('Var hände det?', [['I skolan;', 3], ['På nätet;', 2], ['I skolan;På nätet;', 1]]))?.options).toEqual(['I skolan', 'På nätet']);
    expect(tickedColumn(column('Var hände det?', [['I skolan;', 3], ['På nätet;', 2], ['', 40]]))?.options).toEqual(['I skolan', 'På nätet']);
    expect(tickedColumn(column('Har du blivit slagen? (flera svar)', [['Ja, en gång', 5], ['Ja, flera gånger', 2], ['Nej', 40]]))).toBeNull();
    // An option only one pupil ticked may be their own words under "Övrigt": not listed (the config counts it as another option).
    expect(tickedColumn(column(WHERE, [['I skolan, Hemma', 4], ['Hemma, Bakom gympasalen', 1], ['I skolan', 3]]))?.options).toEqual(['I skolan', 'Hemma']);
    expect(tickedColumn(column('Har du blivit slagen?', [['Ja;', 5], ['Nej;', 40]]))).toBeNull();
    expect(tickedColumn(column('Hur ofta?', [['Nej, Ja', 1], ['Ja, Nej', 1], ['Nej', 4]]))).toBeNull();
    // Where the question says several may be ticked, "Nej, ingen" may be one of its options.
    expect(tickedColumn(column('Berättade du för någon? (Välj alla som stämmer)', [['Polisen, Mina föräldrar', 3], ['Nej, ingen', 5], ['Polisen', 2]]))?.options).toEqual(['Polisen', 'Mina föräldrar', 'Nej, ingen']);
    // An option followed by a pupil's own words in lower case: the option, and the words left out.
    expect(tickedColumn(column(WHERE, [['Hemma, hos kompis', 2], ['Hemma', 3], ['I skolan, Hemma', 2]]))?.options).toEqual(['Hemma', 'I skolan']);
  });

  it('on the Google Forms fixture: each place a suggestion on the one column, its option yes and the others no', async () => {
    const p = propose(await profileCsv(FORMS), await loadTemplate());
    const places = p.indicators.suggestions.filter((s) => s.id.startsWith('plats_'));
    expect(places.map((s) => [s.id, s.column, s.answers.yes, s.answers.no, s.answers.missing, s.several])).toEqual([
      ['plats_skolan', WHERE, ['I skolan'], [OUT, 'Hemma', 'På nätet'], [''], ['I skolan']],
      ['plats_natet', WHERE, ['På nätet'], ['I skolan', OUT, 'Hemma'], [''], ['På nätet']],
      ['plats_hemma', WHERE, ['Hemma'], ['I skolan', OUT, 'På nätet'], [''], ['Hemma']],
      ['plats_ute', WHERE, [OUT], ['I skolan', 'Hemma', 'På nätet'], [''], [OUT]],
    ]);
    // Follow-up questions are never sure (which question they follow is not in the file).
    expect(places.every((s) => s.level === 'possible' && s.checkboxes === null)).toBe(true);
    // The column is not listed as unused.
    expect(p.indicators.unused.map((u) => u.column)).not.toContain(WHERE);
  });

  it('every option that fits an indicator as well is its yes ("I skolan" and "På väg till eller från skolan"; parents and a school adult); the question is the column\'s', async () => {
    const where = 'Om ja, var hände det? (Välj alla som stämmer)';
    const told = 'Berättade du för någon om det? (Välj alla som stämmer)';
    const cells: [string, string][] = [
      ['I skolan', 'En vuxen i skolan'],
      ['På väg till eller från skolan, På nätet', 'Mina föräldrar, En kompis'],
      ['Hemma', 'Nej, ingen'],
      ['I skolan, Hemma, på bussen', 'Polisen, Mina föräldrar'],
      ['Ute, på stan eller i parken', 'En kompis'],
    ];
    const rows = ['Kön,Årskurs,"Har någon slagit, sparkat eller knuffat dig under det senaste året?",' + `"${where}","${told}"`];
    for (let k = 0; k < 30; k++) {
      const [w, b] = cells[k % cells.length]!;
      rows.push(`${k % 2 ? 'Tjej' : 'Kille'},Åk 9,"Ja, en gång","${w}","${b}"`, `${k % 2 ? 'Tjej' : 'Kille'},Åk 9,Nej,,`);
    }
    const file = writeFile(tempDir('lagesbild-several-'), 'enkat-2025.csv', `${rows.join('\n')}\n`);
    const p = propose(await profileCsv(file), await loadTemplate());
    const byId = new Map(p.indicators.suggestions.map((s) => [s.id, s]));
    expect(['plats_skolan', 'berattat_vuxen', 'polisanmalt'].map((id) => [id, byId.get(id)?.column, byId.get(id)?.answers.yes, byId.get(id)?.question])).toEqual([
      ['plats_skolan', where, ['I skolan', 'På väg till eller från skolan'], where],
      ['berattat_vuxen', told, ['En vuxen i skolan', 'Mina föräldrar'], told],
      ['polisanmalt', told, ['Polisen'], told],
    ]);
    // "på bussen", a pupil's own words after an option: no option.
    const skolan = byId.get('plats_skolan')!;
    expect([...skolan.answers.yes, ...skolan.answers.no]).not.toContain('på bussen');
  });
});
