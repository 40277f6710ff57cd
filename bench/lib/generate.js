// Seeded synthetic survey data for the benchmarks, driven by a project config: every column,
// answer scale and group value the config names is written the way it reads them, so the
// CLI accepts the files without a warning. Waves listed as `coded` hold value codes (numbers
// in the YAML), the others value texts, as in examples/norrbacka.
//
// The numbers are plausible, not a model of anything: the benchmarks need realistic field
// widths, quoting ("Ja, en gång"), missing answers, skip logic and group sizes, not findings.
import { closeSync, openSync, writeSync } from 'node:fs';
import { makeRng } from '../../examples/norrbacka/rng.mjs';

const SYLLABLES = ['Ängs', 'Björk', 'Tjärn', 'Myr', 'Löv', 'Gran', 'Ek', 'Sjö', 'Berg', 'Dal'];
const ENDINGS = ['by', 'träsk', 'vik', 'heden', 'åsen'];

const PREFIXES = ['', 'Norra ', 'Södra ', 'Östra ', 'Västra ', 'Stora '];

/** `n` (≤ 300) distinct fictional municipality names; the first 50 are one word. */
export function areaNames(n) {
  const names = [];
  for (const prefix of PREFIXES) for (const end of ENDINGS) for (const start of SYLLABLES) names.push(prefix + start + end);
  if (n > names.length) throw new Error(`at most ${names.length} municipality names`);
  return names.slice(0, n);
}

/**
 * Split `total` respondents over `n` parts, a few large and many small (share ∝ 1/rank^0.8),
 * by largest remainder so the parts add up exactly.
 */
export function zipfSizes(total, n) {
  const shares = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** 0.8);
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (total * s) / sum);
  const sizes = exact.map(Math.floor);
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k++, left--) sizes[order[k % n][1]]++;
  return sizes;
}

/**
 * The example config with `extra` more column indicators, cloned in turn from the example's
 * plain column indicators (new id, column and label), so that a report or figures run has
 * `23 + extra` indicators of the same kinds.
 */
export function widenConfig(raw, extra, county) {
  const plain = raw.indicators.filter((ind) => ind.column !== undefined && ind.population === undefined);
  const added = Array.from({ length: extra }, (_, k) => {
    const base = plain[k % plain.length];
    const n = k + 1;
    const suffix = (t) => (typeof t === 'string' ? `${t} (${n})` : Object.fromEntries(Object.entries(t).map(([l, s]) => [l, `${s} (${n})`])));
    return {
      ...base,
      id: `${base.id}_${n}`,
      column: `X${String(n).padStart(2, '0')}_${base.column}`,
      label: suffix(base.label),
      ...(base.short ? { short: suffix(base.short) } : {}),
      key: false,
      follow_up: false,
    };
  });
  return { ...raw, project: { ...raw.project, county }, indicators: [...raw.indicators, ...added] };
}

/** A value as a wave's export writes it: a code (a number in the YAML) or a text. */
function pick(list, coded) {
  const codes = list.filter((v) => typeof v === 'number').map(String);
  const texts = list.filter((v) => typeof v === 'string' && v !== '');
  const own = coded ? codes : texts;
  return own.length > 0 ? own : (codes.length > 0 ? codes : texts);
}

const csvField = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const logit = (p) => Math.log(p / (1 - p));

/** Columns to write, in header order, each with how to draw its value. */
function columnPlan(raw, rng) {
  const scales = raw.answer_scales ?? {};
  const plan = [];
  const seen = new Set();
  for (const ind of raw.indicators) {
    const pop = ind.population;
    if (pop && 'column' in pop && !seen.has(pop.column)) {
      seen.add(pop.column);
      // A filter question: "yes" is one of the filter's values; "no" comes from a scale that
      // holds those values as yes (ja_nej), else the answer is left empty.
      const scale = Object.values(scales).find((s) => pop.values.every((v) => s.yes.includes(v)));
      plan.push({ column: pop.column, filter: null, scale: { yes: pop.values, no: scale?.no ?? [''], missing: [''] }, p: [0.45, 0.38], loading: 0 });
    }
    if (ind.column === undefined || seen.has(ind.column)) continue;
    seen.add(ind.column);
    const scale = typeof ind.answers === 'string' ? scales[ind.answers] : ind.answers;
    const base = rng.uniform(0.04, 0.6);
    // Girls and boys differ; a latent vulnerability raises risks and lowers protective factors.
    plan.push({
      column: ind.column,
      filter: pop && 'column' in pop ? pop : null,
      filterAt: pop && 'column' in pop ? plan.findIndex((c) => c.column === pop.column) : -1,
      scale,
      p: [base, Math.min(0.9, base * rng.uniform(0.4, 1.6))],
      loading: ind.good === 'higher' ? -0.4 : 0.7,
    });
  }
  return plan;
}

/**
 * Write one CSV: for each wave and municipality `sizes[area][wave]` respondents, rows sorted
 * by wave and municipality as survey exports usually are.
 *
 * @param {string} file
 * @param {object} raw  the project config as parsed YAML (codes are numbers, texts strings)
 * @param {{ areas: string[], sizes: number[][], waves: number[], coded: number[], seed: number }} spec
 * @returns {number} respondent rows written
 */
export function writeSurvey(file, raw, spec) {
  const rng = makeRng(spec.seed);
  const plan = columnPlan(raw, rng);
  const genders = raw.groups.gender.values;
  const grades = raw.groups.grade?.values ?? [];
  const extras = raw.groups.extra ?? [];
  const otherGender = genders.findIndex((v) => v.report === false);
  const cols = raw.columns;
  const header = [
    cols.id,
    cols.year,
    cols.area,
    raw.groups.gender.column,
    ...(grades.length ? [raw.groups.grade.column] : []),
    ...extras.map((e) => e.column),
    raw.design.weight,
    ...plan.map((c) => c.column),
  ];
  const areaEffect = spec.areas.map(() => logit(rng.uniform(0.35, 0.65)) * 0.5);

  const fd = openSync(file, 'w');
  let rows = 0;
  let buffer = `${header.join(',')}\n`;
  const flush = () => {
    writeSync(fd, buffer);
    buffer = '';
  };
  try {
    spec.waves.forEach((year, wi) => {
      const coded = spec.coded.includes(year);
      const values = {
        gender: genders.map((v) => pick([v.code, ...(v.aliases ?? [])], coded)[0]),
        grade: grades.map((v) => pick([v.code, ...(v.aliases ?? [])], coded)[0]),
        extras: extras.map((e) => e.values.map((v) => pick([v.code, ...(v.aliases ?? [])], coded)[0])),
        columns: plan.map((c) => ({
          yes: pick(c.scale.yes, coded).map(csvField),
          no: pick(c.scale.no ?? [''], coded).map(csvField),
          refused: pick(c.scale.missing ?? [''], coded).map(csvField),
          filterYes: c.filter ? new Set(pick(c.filter.values, coded)) : null,
          logit: c.p.map((p) => logit(p) + 0.1 * wi),
        })),
      };
      spec.areas.forEach((area, ai) => {
        for (let r = 0; r < spec.sizes[ai][wi]; r++) {
          rows++;
          const u = rng.next();
          const g = u < 0.49 ? 0 : u < 0.98 || otherGender < 0 ? 1 : otherGender;
          const z = rng.normal();
          const line = [
            `${year}${String(rows).padStart(7, '0')}`,
            String(year),
            area,
            csvField(values.gender[g]),
            ...(grades.length ? [csvField(values.grade[Math.floor(rng.next() * grades.length)])] : []),
            // Extra breakdowns (groups.extra): a value drawn evenly.
            ...values.extras.map((vs) => csvField(vs[Math.floor(rng.next() * vs.length)])),
            rng.uniform(0.9, 1.4).toFixed(3),
          ];
          const answers = new Array(plan.length);
          plan.forEach((c, ci) => {
            const v = values.columns[ci];
            // Skip logic: asked only of those the filter question lets in.
            if (c.filter && !v.filterYes.has(unquote(answers[c.filterAt]))) return void (answers[ci] = '');
            const m = rng.next();
            if (m < 0.02) return void (answers[ci] = m < 0.01 ? '' : v.refused[0] ?? '');
            const x = v.logit[Math.min(g, 1)] + areaEffect[ai] + c.loading * z;
            const list = rng.next() < 1 / (1 + Math.exp(-x)) ? v.yes : v.no;
            answers[ci] = list[Math.floor(rng.next() * list.length)] ?? '';
          });
          buffer += `${line.join(',')},${answers.join(',')}\n`;
          if (buffer.length > 1 << 20) flush();
        }
      });
    });
    flush();
  } finally {
    closeSync(fd);
  }
  return rows;
}

function unquote(v) {
  return v.startsWith('"') ? v.slice(1, -1).replaceAll('""', '"') : v;
}
