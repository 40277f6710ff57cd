#!/usr/bin/env node
// Synthetic school survey on violence for the fictional county "Norrbacka län".
// Writes one CSV per wave (data/enkat-2019.csv, data/enkat-2021.csv, data/enkat-2023.csv) and
// the number of pupils per municipality, year, gender and school year (befolkning.csv, the
// config's population file).
//
//   node examples/norrbacka/generate.mjs [example-dir]     (default: examples/norrbacka)
//
// Fixed seed, no dependencies: the same run writes byte-identical files. Every number that
// shapes the data is in the tables below; the code after them only draws from those tables.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRng } from './rng.mjs';

// Any seed gives valid data. This one was chosen because chance alone makes few changes
// between waves look significant, so the planted changes (TRENDS) are the story of the data.
const SEED = 11;
const WAVES = [2019, 2021, 2023];
/** The 2019 export held value codes ("3"); later exports hold the value texts ("Ja, flera gånger"). */
const CODED_WAVES = new Set([2019]);

// ── Municipalities ───────────────────────────────────────────────────────────────────────
// size: pupils per gender and school year (each wave varies ±15 % around it, within `range`).
// size.gy2 null = no upper-secondary school in the municipality.
// Area effects multiply the odds of a "yes" for questions of that kind (see QUESTIONS):
//   risk   – violence, perpetration, accepting attitudes, risk factors
//   unsafe – feeling unsafe
//   trust  – protective factors (trusted adult, school climate, trust in authorities)
const AREAS = [
  { name: 'Ängsby', size: { ak9: 205, gy2: 180 }, range: [150, 250], risk: 1.1, unsafe: 1.35, trust: 0.9 },
  { name: 'Björkträsk', size: { ak9: 32, gy2: 26 }, range: [10, 40], risk: 1.0, unsafe: 0.9, trust: 1.05 },
  { name: 'Tjärnvik', size: { ak9: 24, gy2: 19 }, range: [10, 40], risk: 0.95, unsafe: 0.8, trust: 1.1 },
  { name: 'Myrheden', size: { ak9: 17, gy2: 14 }, range: [10, 40], risk: 1.05, unsafe: 0.75, trust: 1.1 },
  { name: 'Lövåsen', size: { ak9: 13, gy2: null }, range: [10, 40], risk: 0.9, unsafe: 0.7, trust: 1.15 },
];

// ── Respondent groups, as texts (2021, 2023) and codes (2019) ─────────────────────────────
const GENDERS = {
  girl: { text: 'Flicka', code: 1 },
  boy: { text: 'Pojke', code: 2 },
  other: { text: 'Annat/vill ej ange', code: 3 },
};
/** Share of pupils answering "Annat/vill ej ange" (drawn on top of the girls and boys). */
const OTHER_GENDER_SHARE = 0.015;
const GRADES = {
  ak9: { text: 'Åk 9', code: 1 },
  gy2: { text: 'Gy 2', code: 2 },
};

// ── Answer scales ────────────────────────────────────────────────────────────────────────
// A "yes" or "no" is spread over the scale's answers by `share`.
const SCALES = {
  frekvens: {
    yes: [a('Ja, en gång', 2, 0.55), a('Ja, flera gånger', 3, 0.45)],
    no: [a('Nej', 1, 1)],
  },
  instamning: {
    yes: [a('Stämmer helt', 1, 0.4), a('Stämmer ganska bra', 2, 0.6)],
    no: [a('Stämmer ganska dåligt', 3, 0.45), a('Stämmer inte alls', 4, 0.55)],
  },
  ja_nej: {
    yes: [a('Ja', 1, 1)],
    no: [a('Nej', 2, 1)],
  },
  hur_ofta: {
    yes: [a('Ofta', 1, 0.3), a('Ibland', 2, 0.7)],
    no: [a('Sällan', 3, 0.4), a('Aldrig', 4, 0.6)],
  },
};
const REFUSED = { text: 'Vill inte svara', code: 9 };

// ── Questions ────────────────────────────────────────────────────────────────────────────
// girls, boys: share answering yes in Åk 9, 2019, in a municipality whose area effects are 1.
// gy2: odds ratio Gy 2 against Åk 9.   miss: share without an answer (half "Vill inte svara",
// half empty).   onlyIf: asked only of pupils who answered yes to that question (else empty).
// kind "none": no area effect and no link to the pupil's latent vulnerability.
const QUESTIONS = [
  //  column                 scale         girls  boys   gy2   kind      miss
  q('F10_slagen',           'frekvens',    0.09, 0.15, 0.80, 'risk',   0.015),
  q('F11_hotad',            'frekvens',    0.11, 0.14, 0.90, 'risk',   0.015),
  q('F12_sex_tvang',        'frekvens',    0.12, 0.03, 1.30, 'risk',   0.030),
  q('F13_sex_trakasserier', 'frekvens',    0.33, 0.10, 1.10, 'risk',   0.030),
  q('F14_nat_krankt',       'frekvens',    0.20, 0.12, 0.90, 'risk',   0.020),
  q('F15_nat_bilder',       'frekvens',    0.22, 0.06, 1.10, 'risk',   0.030),
  q('F16a_partner',         'ja_nej',      0.45, 0.38, 2.20, 'none',   0.020),
  q('F16b_partner_vald',    'frekvens',    0.11, 0.05, 1.30, 'risk',   0.030, 'F16a_partner'),
  q('F17_bevittnat',        'frekvens',    0.09, 0.06, 1.00, 'risk',   0.030),
  q('F18_heder',            'ja_nej',      0.07, 0.05, 1.00, 'risk',   0.030),
  q('F20_utovat_fysiskt',   'frekvens',    0.05, 0.12, 0.75, 'risk',   0.020),
  q('F21_utovat_nat',       'frekvens',    0.05, 0.08, 0.80, 'risk',   0.020),
  q('F22_ok_slass',         'instamning',  0.08, 0.22, 0.90, 'risk',   0.015),
  q('F23_ok_kontrollera',   'instamning',  0.08, 0.12, 0.90, 'risk',   0.015),
  q('F24_otrygg_ute',       'hur_ofta',    0.40, 0.15, 1.10, 'unsafe', 0.015),
  q('F25_otrygg_skolan',    'hur_ofta',    0.14, 0.09, 0.80, 'unsafe', 0.015),
  q('F30_berusad',          'frekvens',    0.17, 0.14, 2.80, 'risk',   0.025),
  q('F31_vuxen_prata',      'ja_nej',      0.78, 0.82, 0.90, 'trust',  0.015),
  q('F32_vanner_slass',     'ja_nej',      0.10, 0.20, 0.80, 'risk',   0.020),
  q('F33_skolan_ingriper',  'instamning',  0.62, 0.66, 0.90, 'trust',  0.015),
  q('F34_trygg_omrade',     'instamning',  0.80, 0.86, 1.00, 'trust',  0.010),
  q('F35_fortroende_polis', 'instamning',  0.70, 0.64, 0.95, 'trust',  0.020),
  q('F36_fortroende_soc',   'instamning',  0.50, 0.45, 0.95, 'trust',  0.025),
];

/**
 * Each pupil has a latent vulnerability z ~ N(0, 1) that raises the log-odds of every question
 * of a kind by loading × z, so that forms of violence go together as in real surveys (the
 * table values above are then approximate population shares).
 */
const LOADING = { risk: 0.7, unsafe: 0.4, trust: -0.4, none: 0 };
/** Pupils answering "Annat/vill ej ange": log-odds midway between girls and boys, plus this. */
const OTHER_GENDER_SHIFT = { risk: 0.4, unsafe: 0.4, trust: -0.3, none: 0 };

// ── Planted changes over time ────────────────────────────────────────────────────────────
// The odds are multiplied by `perWave` for every wave after 2019. Everything else is stable:
// any other change between waves in the data is chance.
const TRENDS = [
  // Online abuse among girls in Ängsby rises clearly (about 22 % → 38 %): significant in Ängsby.
  { column: 'F14_nat_krankt', gender: 'girl', area: 'Ängsby', perWave: 1.45 },
  // Boys accepting fights falls modestly everywhere (about 27 % → 19 %): significant for the
  // county's boys, too small to be significant in any one small municipality.
  { column: 'F22_ok_slass', gender: 'boy', area: null, perWave: 0.8 },
];

// ── Non-response weights ─────────────────────────────────────────────────────────────────
// Each municipality × school year × gender cell gets a response rate; weight = WEIGHT_SCALE /
// rate, with a little individual variation (calibration), kept within WEIGHT_RANGE.
const RESPONSE_RATE = { girl: [0.74, 0.95], boy: [0.66, 0.88], other: [0.7, 0.9] };

// ── Pupils in the population (befolkning.csv) ────────────────────────────────────────────
// The share of a cell's pupils who answered, drawn from its own seed (the survey data do not
// change with it): upper-secondary pupils answer less, as in real school surveys, and one
// group, the boys of Gy 2 in Ängsby, answers under half in every wave (the report warns about
// it). Pupils answering "Annat/vill ej ange" are girls or boys in the register: half of them
// are counted in each.
const POPULATION_SEED = 29;
const PARTICIPATION = {
  ak9: { girl: [0.82, 0.94], boy: [0.76, 0.9] },
  gy2: { girl: [0.6, 0.8], boy: [0.52, 0.72] },
};
const LOW_PARTICIPATION = { area: 'Ängsby', grade: 'gy2', gender: 'boy', range: [0.42, 0.48] };
const WEIGHT_SCALE = 0.88;
const WEIGHT_JITTER = 0.04;
const WEIGHT_RANGE = [0.9, 1.4];

// ── Background questions (the report's extra breakdowns) ─────────────────────────────────
// Drawn from their own seed after each pupil's other answers, so that the columns above stay
// as they were. Born abroad: a share per municipality. Family economy: pupils with a higher
// latent vulnerability z more often say it is poor, so that violence is more common there,
// as regional reports find. miss: share without an answer (half refused, half empty).
const BACKGROUND_SEED = 37;
const BORN_ABROAD = { Ängsby: 0.19, default: 0.08 };
const BIRTH = {
  column: 'fodelseland',
  sweden: { text: 'I Sverige', code: 1 },
  abroad: { text: 'I ett annat land', code: 2 },
  miss: 0.02,
};
const ECONOMY = {
  column: 'familjens_ekonomi',
  // At z = 0: the share whose family economy is poor, and poor or neither good nor poor.
  poor: 0.07,
  middle: 0.25,
  loading: 0.5,
  answers: [
    { text: 'Mycket god', code: 1 },
    { text: 'Ganska god', code: 2 },
    { text: 'Varken god eller dålig', code: 3 },
    { text: 'Ganska dålig', code: 4 },
    { text: 'Mycket dålig', code: 5 },
  ],
  miss: 0.03,
};

// ── Where it happened, what it led to, whether anyone was told ───────────────────────────
// Asked only of pupils who answered yes to at least one of EXPOSURE (else the cells are
// empty), one yes/no column per item ("Markera alla som stämmer" exported as Ja/Nej).
// girls, boys: share answering yes among them; miss as above.
const EXPOSURE = ['F10_slagen', 'F11_hotad', 'F12_sex_tvang', 'F13_sex_trakasserier', 'F14_nat_krankt'];
const FOLLOW_UPS = [
  //  column                  girls  boys   miss
  f('F19a_plats_skolan',      0.46, 0.52, 0.02),
  f('F19b_plats_natet',       0.48, 0.30, 0.02),
  f('F19c_plats_hemma',       0.13, 0.09, 0.02),
  f('F19d_plats_ute',         0.24, 0.38, 0.02),
  f('F19e_undvikit',          0.36, 0.19, 0.025),
  f('F19f_stannat_hemma',     0.12, 0.06, 0.025),
  f('F19g_berattat_vuxen',    0.38, 0.24, 0.025),
  f('F19h_polisanmalt',       0.05, 0.08, 0.03),
];
// Planted differences between municipalities (odds multiplied by `odds`): in the town, more
// of the violence happens outdoors or in public places, and fewer tell an adult.
const FOLLOW_UP_AREAS = [
  { column: 'F19d_plats_ute', area: 'Ängsby', odds: 3 },
  { column: 'F19g_berattat_vuxen', area: 'Ängsby', odds: 0.33 },
];

// ═════════════════════════════════════════════════════════════════════════════════════════

function a(text, code, share) {
  return { text, code, share };
}

function f(column, girls, boys, miss) {
  return { column, p: { girl: girls, boy: boys }, miss };
}

function q(column, scale, girls, boys, gy2, kind, miss, onlyIf = null) {
  return { column, scale, p: { girl: girls, boy: boys }, gy2, kind, miss, onlyIf };
}

const logit = (p) => Math.log(p / (1 - p));
const expit = (x) => 1 / (1 + Math.exp(-x));

/** Probability of "yes" for one question and one pupil. */
function probability(question, area, grade, gender, waveIndex, z) {
  const { kind } = question;
  let x =
    gender === 'other'
      ? (logit(question.p.girl) + logit(question.p.boy)) / 2 + OTHER_GENDER_SHIFT[kind]
      : logit(question.p[gender]);
  if (grade === 'gy2') x += Math.log(question.gy2);
  if (kind !== 'none') x += Math.log(area[kind]) + LOADING[kind] * z;
  for (const t of TRENDS) {
    if (t.column === question.column && t.gender === gender && (t.area === null || t.area === area.name)) {
      x += waveIndex * Math.log(t.perWave);
    }
  }
  return expit(x);
}

/** One pupil's answers (column → 'yes' | 'no' | 'refused' | 'empty') and latent vulnerability z. */
function answers(rng, area, grade, gender, waveIndex) {
  const z = rng.normal();
  const out = {};
  for (const question of QUESTIONS) {
    if (question.onlyIf !== null && out[question.onlyIf] !== 'yes') {
      out[question.column] = 'empty';
    } else if (rng.next() < question.miss) {
      out[question.column] = rng.next() < 0.5 ? 'refused' : 'empty';
    } else {
      const p = probability(question, area, grade, gender, waveIndex, z);
      out[question.column] = rng.next() < p ? 'yes' : 'no';
    }
  }
  return { out, z };
}

/** A missing answer as the wave's export writes it: "Vill inte svara" (or 9), or an empty cell. */
function missing(rng, coded) {
  return rng.next() < 0.5 ? show(REFUSED, coded) : '';
}

/** Born in Sweden or abroad, and the family's economy, from the background seed. */
function background(rng, area, z, coded) {
  const birth = rng.next() < BIRTH.miss ? missing(rng, coded) : show(rng.next() < (BORN_ABROAD[area.name] ?? BORN_ABROAD.default) ? BIRTH.abroad : BIRTH.sweden, coded);
  let economy;
  if (rng.next() < ECONOMY.miss) economy = missing(rng, coded);
  else {
    const u = rng.next();
    const poor = expit(logit(ECONOMY.poor) + ECONOMY.loading * z);
    const middle = expit(logit(ECONOMY.middle) + ECONOMY.loading * z);
    // Poor: "Ganska dålig" or "Mycket dålig"; middle: "Varken god eller dålig"; else good.
    const answer = u < poor ? (rng.next() < 0.35 ? 4 : 3) : u < middle ? 2 : rng.next() < 0.45 ? 0 : 1;
    economy = show(ECONOMY.answers[answer], coded);
  }
  return [birth, economy];
}

/** The follow-up questions about what happened, asked only of pupils exposed to violence. */
function followUps(rng, area, gender, given, coded) {
  const exposed = EXPOSURE.some((column) => given[column] === 'yes');
  return FOLLOW_UPS.map((item) => {
    if (!exposed) return '';
    if (rng.next() < item.miss) return missing(rng, coded);
    let x = logit(gender === 'other' ? (item.p.girl + item.p.boy) / 2 : item.p[gender]);
    for (const d of FOLLOW_UP_AREAS) if (d.column === item.column && d.area === area.name) x += Math.log(d.odds);
    return show(SCALES.ja_nej[rng.next() < expit(x) ? 'yes' : 'no'][0], coded);
  });
}

function cellSize(rng, area, base) {
  const n = Math.round(base * rng.uniform(0.85, 1.15));
  return Math.min(area.range[1], Math.max(area.range[0], n));
}

function binomial(rng, n, p) {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

/** Text or code of a value, as the wave's export writes it. */
function show(value, coded) {
  return String(coded ? value.code : value.text);
}

function csvField(value) {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Pupils of one cell in the population: respondents over the share who answered. */
function cellPopulation(popRng, area, grade, gender, respondents) {
  const low = LOW_PARTICIPATION;
  const range = low.area === area.name && low.grade === grade && low.gender === gender ? low.range : PARTICIPATION[grade][gender];
  return Math.round(respondents / popRng.uniform(...range));
}

function generateWave(rng, backgroundRng, popRng, year, waveIndex, population) {
  const coded = CODED_WAVES.has(year);
  // The follow-up questions come right after the last question they follow up.
  const before = QUESTIONS.slice(0, QUESTIONS.findIndex((x) => x.column === 'F20_utovat_fysiskt'));
  const after = QUESTIONS.slice(before.length);
  const header = ['lopnr', 'ar', 'kommun', 'kon', 'arskurs', BIRTH.column, ECONOMY.column, 'vikt', ...before.map((x) => x.column), ...FOLLOW_UPS.map((x) => x.column), ...after.map((x) => x.column)];
  const lines = [header.join(',')];
  let serial = 0;
  for (const area of AREAS) {
    for (const grade of Object.keys(GRADES)) {
      const base = area.size[grade];
      if (base === null) continue;
      const counts = { girl: cellSize(rng, area, base), boy: cellSize(rng, area, base) };
      counts.other = binomial(rng, counts.girl + counts.boy, OTHER_GENDER_SHARE);
      for (const g of ['girl', 'boy']) {
        const count = cellPopulation(popRng, area, grade, g, counts[g] + counts.other / 2);
        population.push([area.name, String(year), GENDERS[g].text, GRADES[grade].text, String(count)].join(';'));
      }
      const cellWeight = {};
      for (const g of Object.keys(counts)) cellWeight[g] = WEIGHT_SCALE / rng.uniform(...RESPONSE_RATE[g]);
      const pupils = rng.shuffle(Object.keys(counts).flatMap((g) => Array(counts[g]).fill(g)));
      for (const gender of pupils) {
        serial++;
        const w = cellWeight[gender] * rng.uniform(1 - WEIGHT_JITTER, 1 + WEIGHT_JITTER);
        const weight = Math.min(WEIGHT_RANGE[1], Math.max(WEIGHT_RANGE[0], w));
        const { out: given, z } = answers(rng, area, grade, gender, waveIndex);
        const answer = (question) => {
          const state = given[question.column];
          if (state === 'empty') return '';
          if (state === 'refused') return show(REFUSED, coded);
          return show(rng.pick(SCALES[question.scale][state]), coded);
        };
        const main = QUESTIONS.map(answer);
        const row = [
          `${year}${String(serial).padStart(5, '0')}`,
          String(year),
          area.name,
          show(GENDERS[gender], coded),
          show(GRADES[grade], coded),
          ...background(backgroundRng, area, z, coded),
          weight.toFixed(3),
          ...main.slice(0, before.length),
          ...followUps(backgroundRng, area, gender, given, coded),
          ...main.slice(before.length),
        ];
        lines.push(row.map(csvField).join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}

const here = dirname(fileURLToPath(import.meta.url));
const exampleDir = resolve(process.argv[2] ?? here);
const dataDir = join(exampleDir, 'data');
mkdirSync(dataDir, { recursive: true });
const rng = makeRng(SEED);
const backgroundRng = makeRng(BACKGROUND_SEED);
const popRng = makeRng(POPULATION_SEED);
// Semicolons and Swedish headers, as Swedish Excel saves a table of pupils.
const population = ['kommun;år;kön;årskurs;antal'];
WAVES.forEach((year, waveIndex) => {
  const file = join(dataDir, `enkat-${year}.csv`);
  writeFileSync(file, generateWave(rng, backgroundRng, popRng, year, waveIndex, population));
  process.stdout.write(`${file}\n`);
});
const populationFile = join(exampleDir, 'befolkning.csv');
writeFileSync(populationFile, population.join('\n') + '\n');
process.stdout.write(`${populationFile}\n`);
