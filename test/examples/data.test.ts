// The Norrbacka example data: generated deterministically, shaped as documented (sizes,
// coding per wave, missingness, weights) and with the planted prevalence patterns.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/config/schema.js';
import {
  EXAMPLE_CONFIG_PATH,
  EXAMPLE_DIR,
  GENERATOR_PATH,
  WAVES,
  dataFile,
  decode,
  estimate,
  loadConfig,
  readTable,
  zChange,
  type Pupil,
  type Table,
} from './norrbacka.js';

const TOWN = 'Ängsby';
const SMALL = ['Björkträsk', 'Tjärnvik', 'Myrheden', 'Lövåsen'];
const NO_UPPER_SECONDARY = 'Lövåsen';
const COLUMNS = [
  'lopnr', 'ar', 'kommun', 'kon', 'arskurs', 'fodelseland', 'familjens_ekonomi', 'vikt',
  'F10_slagen', 'F11_hotad', 'F12_sex_tvang', 'F13_sex_trakasserier', 'F14_nat_krankt',
  'F15_nat_bilder', 'F16a_partner', 'F16b_partner_vald', 'F17_bevittnat', 'F18_heder',
  'F19a_plats_skolan', 'F19b_plats_natet', 'F19c_plats_hemma', 'F19d_plats_ute',
  'F19e_undvikit', 'F19f_stannat_hemma', 'F19g_berattat_vuxen', 'F19h_polisanmalt',
  'F20_utovat_fysiskt', 'F21_utovat_nat', 'F22_ok_slass', 'F23_ok_kontrollera',
  'F24_otrygg_ute', 'F25_otrygg_skolan', 'F30_berusad', 'F31_vuxen_prata',
  'F32_vanner_slass', 'F33_skolan_ingriper', 'F34_trygg_omrade', 'F35_fortroende_polis',
  'F36_fortroende_soc',
];

const config = loadConfig(EXAMPLE_CONFIG_PATH);
const tables = new Map<number, Table>(WAVES.map((year) => [year, readTable(dataFile(year))]));
const pupils: Pupil[] = WAVES.flatMap((year) => decode(config, tables.get(year)!, `enkat-${year}.csv`));
const girl = (p: Pupil) => p.gender === 'Flicka';
const boy = (p: Pupil) => p.gender === 'Pojke';

describe('generator', () => {
  const out = mkdtempSync(join(tmpdir(), 'norrbacka-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('rewrites the committed CSVs and population file byte for byte into a given folder', () => {
    execFileSync(process.execPath, [GENERATOR_PATH, out], { stdio: 'pipe' });
    expect(readdirSync(out).sort()).toEqual(['befolkning.csv', 'data']);
    expect(readdirSync(join(out, 'data')).sort()).toEqual(WAVES.map((y) => `enkat-${y}.csv`));
    for (const year of WAVES) {
      const fresh = readFileSync(dataFile(year, join(out, 'data')));
      expect(fresh.equals(readFileSync(dataFile(year))), `enkat-${year}.csv`).toBe(true);
      expect(fresh.length).toBeLessThan(2_000_000);
    }
    expect(readFileSync(join(out, 'befolkning.csv')).equals(readFileSync(join(EXAMPLE_DIR, 'befolkning.csv')))).toBe(true);
  });
});

describe('files', () => {
  it.each(WAVES)('enkat-%i.csv has the survey-export header and only its own year', (year) => {
    const { header, rows } = tables.get(year)!;
    expect(header).toEqual(COLUMNS);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([String(year)]));
  });

  it('is UTF-8 without BOM, comma-separated, one line per row', () => {
    const text = readFileSync(dataFile(2023), 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toContain('"Ja, flera gånger"');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').length - 2).toBe(tables.get(2023)!.rows.length);
  });

  it('writes codes in 2019 and answer texts in 2021 and 2023', () => {
    const weight = COLUMNS.indexOf('vikt');
    // Every answer: the groups and the questions, not the running number, year, municipality or weight.
    const answers = (year: number) => tables.get(year)!.rows.flatMap((r) => [...r.slice(3, weight), ...r.slice(weight + 1)]).filter((v) => v !== '');
    expect(answers(2019).every((v) => /^\d$/.test(v))).toBe(true);
    for (const year of [2021, 2023]) expect(answers(year).some((v) => /^\d+$/.test(v))).toBe(false);
  });

  it('has unique running numbers across waves', () => {
    const ids = [...tables.values()].flatMap((t) => t.rows.map((r) => r[0]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has non-response weights between 0.9 and 1.4 written with a decimal point', () => {
    for (const { rows } of tables.values()) {
      for (const r of rows) expect(r[COLUMNS.indexOf('vikt')]).toMatch(/^1\.\d{3}$|^0\.9\d\d$/);
    }
    const weights = pupils.map((p) => p.weight);
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...weights)).toBeLessThanOrEqual(1.4);
  });
});

describe('respondents', () => {
  const count = (keep: (p: Pupil) => boolean) => pupils.filter(keep).length;

  it('has 10–40 pupils per gender and school year in the small municipalities, 150–250 in Ängsby', () => {
    for (const year of WAVES) {
      for (const gender of ['Flicka', 'Pojke']) {
        for (const grade of ['Åk 9', 'Gy 2']) {
          const n = (area: string) => count((p) => p.year === year && p.area === area && p.gender === gender && p.grade === grade);
          const town = n(TOWN);
          expect(town, `${TOWN} ${year} ${gender} ${grade}`).toBeGreaterThanOrEqual(150);
          expect(town).toBeLessThanOrEqual(250);
          for (const area of SMALL) {
            if (area === NO_UPPER_SECONDARY && grade === 'Gy 2') continue;
            expect(n(area), `${area} ${year} ${gender} ${grade}`).toBeGreaterThanOrEqual(10);
            expect(n(area), `${area} ${year} ${gender} ${grade}`).toBeLessThanOrEqual(40);
          }
        }
      }
    }
  });

  it('has no Gy 2 pupils in the municipality without an upper-secondary school', () => {
    expect(count((p) => p.area === NO_UPPER_SECONDARY)).toBeGreaterThan(0);
    expect(count((p) => p.area === NO_UPPER_SECONDARY && p.grade === 'Gy 2')).toBe(0);
    expect(new Set(pupils.map((p) => p.area))).toEqual(new Set([TOWN, ...SMALL]));
  });

  it('has 1–2 % answering "Annat/vill ej ange" to gender', () => {
    const share = count((p) => p.gender === 'Annat/vill ej ange') / pupils.length;
    expect(share).toBeGreaterThan(0.008);
    expect(share).toBeLessThan(0.025);
  });

  it('has 1–4 % missing answers per question, both refused and empty', () => {
    for (const ind of config.indicators.filter((i) => i.column !== undefined)) {
      const asked = pupils.filter((p) => p.states.get(ind.id) !== 'outside');
      const missing = asked.filter((p) => p.states.get(ind.id) === 'missing').length / asked.length;
      expect(missing, ind.id).toBeGreaterThan(0.005);
      expect(missing, ind.id).toBeLessThan(0.045);
    }
    const values = tables.get(2021)!.rows.map((r) => r[COLUMNS.indexOf('F10_slagen')]);
    expect(values).toContain('');
    expect(values).toContain('Vill inte svara');
  });

  it('asks about partner violence only those who have had a partner', () => {
    const partnerIndex = COLUMNS.indexOf('F16a_partner');
    const violenceIndex = COLUMNS.indexOf('F16b_partner_vald');
    for (const { rows } of tables.values()) {
      for (const r of rows) if (r[partnerIndex] !== 'Ja' && r[partnerIndex] !== '1') expect(r[violenceIndex]).toBe('');
    }
    const outside = pupils.filter((p) => p.states.get('vald_i_parrelation') === 'outside').length / pupils.length;
    expect(outside).toBeGreaterThan(0.3);
    expect(outside).toBeLessThan(0.6);
  });
});

describe('background questions (extra breakdowns)', () => {
  const share = (keep: (p: Pupil) => boolean, of: (p: Pupil) => boolean) => pupils.filter((p) => keep(p) && of(p)).length / pupils.filter(keep).length;

  it('has more pupils born in another country in the town than in the small municipalities, and a few without an answer', () => {
    const abroad = (p: Pupil) => p.extra.get('fodelseland') === 'Utlandet';
    const town = share((p) => p.area === TOWN, abroad);
    const rural = share((p) => p.area !== TOWN, abroad);
    expect(town).toBeGreaterThan(0.15);
    expect(town).toBeLessThan(0.23);
    expect(rural).toBeGreaterThan(0.04);
    expect(rural).toBeLessThan(0.12);
    const unanswered = share(() => true, (p) => p.extra.get('fodelseland') === '');
    expect(unanswered).toBeGreaterThan(0.01);
    expect(unanswered).toBeLessThan(0.03);
  });

  it('has a small group with poor family economy, more often subjected to violence', () => {
    const poor = (p: Pupil) => p.extra.get('ekonomi') === 'Dålig';
    expect(share(() => true, poor)).toBeGreaterThan(0.04);
    expect(share(() => true, poor)).toBeLessThan(0.1);
    const rate = (keep: (p: Pupil) => boolean) => estimate(pupils, 'utsatt_nagon_form', keep).p;
    expect(rate(poor) - rate((p) => p.extra.get('ekonomi') === 'God')).toBeGreaterThan(0.05);
  });

  it('asks the follow-up questions only of pupils who answered yes to a form of violence', () => {
    const exposure = ['F10_slagen', 'F11_hotad', 'F12_sex_tvang', 'F13_sex_trakasserier', 'F14_nat_krankt'].map((c) => COLUMNS.indexOf(c));
    const followUps = COLUMNS.flatMap((c, i) => (c.startsWith('F19') ? [i] : []));
    const yes = new Set(config.answer_scales['frekvens']!.yes);
    expect(followUps.length).toBe(8);
    let asked = 0;
    for (const { rows } of tables.values()) {
      for (const r of rows) {
        const exposed = exposure.some((i) => yes.has(r[i]!));
        if (exposed) asked++;
        else for (const i of followUps) expect(r[i]).toBe('');
      }
    }
    expect(asked / pupils.length).toBeGreaterThan(0.4);
  });
});

describe('prevalence', () => {
  const rate = (id: string, keep: (p: Pupil) => boolean) => estimate(pupils, id, keep).p;

  it.each(['sexuellt_vald', 'sexuella_trakasserier', 'krankt_pa_natet', 'sexuella_bilder_natet', 'vald_i_parrelation', 'otrygg_ute'])(
    'girls report %s clearly more often than boys',
    (id) => {
      expect(rate(id, girl) - rate(id, boy)).toBeGreaterThan(0.04);
    },
  );

  it.each(['fysiskt_vald', 'utovat_fysiskt_vald', 'accepterar_vald', 'vanner_som_slass'])(
    'boys report %s clearly more often than girls',
    (id) => {
      expect(rate(id, boy) - rate(id, girl)).toBeGreaterThan(0.04);
    },
  );

  it('has Swedish-survey levels for a few anchors', () => {
    expect(rate('sexuellt_vald', girl)).toBeGreaterThan(0.08);
    expect(rate('sexuellt_vald', girl)).toBeLessThan(0.25);
    expect(rate('fysiskt_vald', boy)).toBeGreaterThan(0.1);
    expect(rate('fysiskt_vald', boy)).toBeLessThan(0.25);
    for (const keep of [girl, boy]) {
      expect(rate('vuxen_att_prata_med', keep)).toBeGreaterThan(0.72);
      expect(rate('vuxen_att_prata_med', keep)).toBeLessThan(0.88);
    }
    const any = rate('utsatt_nagon_form', () => true);
    expect(any).toBeGreaterThan(rate('sexuella_trakasserier', () => true));
    expect(any).toBeLessThan(0.7);
  });

  it('drinks more in Gy 2 than in Åk 9', () => {
    expect(rate('berusad', (p) => p.grade === 'Gy 2') - rate('berusad', (p) => p.grade === 'Åk 9')).toBeGreaterThan(0.1);
  });
});

describe('planted changes between 2019 and 2023', () => {
  const change = (id: string, keep: (p: Pupil) => boolean) => {
    const a = estimate(pupils, id, (p) => p.year === 2019 && keep(p));
    const b = estimate(pupils, id, (p) => p.year === 2023 && keep(p));
    return { diff: b.p - a.p, z: zChange(a, b) };
  };

  it('online abuse among girls in Ängsby rises significantly', () => {
    const { diff, z } = change('krankt_pa_natet', (p) => girl(p) && p.area === TOWN);
    expect(diff).toBeGreaterThan(0.1);
    expect(z).toBeGreaterThan(3);
  });

  it('online abuse among girls elsewhere in the county does not rise', () => {
    expect(change('krankt_pa_natet', (p) => girl(p) && p.area !== TOWN).diff).toBeLessThan(0.03);
  });

  it("boys' acceptance of fighting falls significantly in the county", () => {
    const { diff, z } = change('accepterar_vald', boy);
    expect(diff).toBeLessThan(-0.04);
    expect(z).toBeLessThan(-2.5);
  });

  it('everything else is stable in the county (within 6 percentage points; follow-up questions within chance)', () => {
    const planted = ['krankt_pa_natet', 'accepterar_vald'];
    // A derived indicator moves with its planted parts.
    const touched = (ind: Indicator) => [ind.id, ...(ind.any_of ?? [])].some((id) => planted.includes(id));
    for (const ind of config.indicators.filter((i) => !touched(i))) {
      for (const keep of [girl, boy]) {
        // The follow-up questions are put to the pupils subjected to violence only: fewer, so a z bound.
        if (ind.population && 'indicator' in ind.population) expect(Math.abs(change(ind.id, keep).z), ind.id).toBeLessThan(2.6);
        else expect(Math.abs(change(ind.id, keep).diff), ind.id).toBeLessThan(0.06);
      }
    }
  });

  it('in Ängsby more of the violence happens outdoors and fewer tell an adult than in the rest of the county', () => {
    const share = (id: string, town: boolean) => estimate(pupils, id, (p) => p.year === 2023 && (p.area === TOWN) === town);
    for (const [id, sign] of [['plats_ute', 1], ['berattat_vuxen', -1]] as const) {
      const a = share(id, false);
      const b = share(id, true);
      expect(sign * (b.p - a.p), id).toBeGreaterThan(0.1);
      expect(sign * zChange(a, b), id).toBeGreaterThan(3);
    }
  });
});
