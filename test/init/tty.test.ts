// The real wizard in a pseudo-terminal (python3's pty module drives it like a keyboard), and
// both commands as separate processes with stdin closed: they finish, they never wait.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import type { EstimateRecord } from '../../src/analysis/types.js';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MESSY = join(ROOT, 'test/fixtures/messy/skolenkat-ht23.csv');
const LILLBY = join(ROOT, 'test/fixtures/lillby/Lillby skolenkät 2024.csv');
const FORMS = join(ROOT, 'test/fixtures/google-forms/svar.csv');
const DRIVER = join(ROOT, 'test/init/pty-drive.py');
/** The CLI from source, as its own process. */
const CLI = [process.execPath, join(ROOT, 'node_modules/vite-node/vite-node.mjs'), join(ROOT, 'test/init/cli-entry.ts'), '--'];
const LIMIT_S = 90;

interface PtyRun {
  code: number | null;
  output: string;
  failed: string | null;
}

/** Run the CLI in a pseudo-terminal; `steps` are [text to wait for, keys to type]. */
function inTerminal(args: string[], steps: [string, string][]): PtyRun {
  const run = spawnSync('python3', [DRIVER, JSON.stringify(steps), String(LIMIT_S), ...CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1', CI: '' },
    timeout: (LIMIT_S + 30) * 1000,
  });
  if (run.status !== 0) throw new Error(`pty driver failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PtyRun;
}

function copyOf(file: string): { dir: string; csv: string } {
  const dir = tempDir('lagesbild-tty-');
  const csv = join(dir, basename(file));
  copyFileSync(file, csv);
  return { dir, csv };
}
const messyCopy = () => copyOf(MESSY);

const ENTER = '\r';
const DOWN = '\u001b[B';
const UP = '\u001b[A';
const SPACE = ' ';
/** Done with the indicators, then the template's definition, county and texts folder as proposed. */
const DONE_WITH_DEFAULTS: [string, string][] = [
  ['Välj en indikator', ENTER],
  ['definition av våld', ENTER],
  ['Vilket län eller vilken region', ENTER],
  ['Skriva en mapp texts/', ENTER],
];
const DEFINITION = 'Våld är varje handling riktad mot en annan person som skadar, smärtar, skrämmer eller kränker.';

describe('init: the wizard in a terminal', () => {
  it('Enter accepts the proposals; codes and unknown answers are asked; a typed definition is kept, agreed when the user says so', () => {
    const { dir, csv } = messyCopy();
    const out = join(dir, 'lagesbild.yaml');
    const run = inTerminal(
      ['init', csv, '--lang', 'sv'],
      [
        ['Stämmer kolumnerna\\?', ENTER],
        // The list of indicators: Enter on "Klar" keeps the sure matches and nothing else.
        ['Välj en indikator för att ändra kolumn eller svar, eller Klar:', ENTER],
        // F50_berusad has only codes: 2 means yes …
        ['Svaren "1", "2", "9" i F50_berusad: vilka av dem räknas som ja\\?', `${DOWN}${SPACE}${ENTER}`],
        // … and of the others 9 is no answer: proposed already (1 is then no).
        ['Och vilka av de övriga betyder "inget svar"\\?', ENTER],
        ['Svaren "Kanske" i F31_vuxen_att_prata_med: vilka av dem räknas som ja\\?', ENTER],
        ['Och vilka av de övriga betyder "inget svar"\\?', `${SPACE}${ENTER}`],
        ['definition av våld', `${DEFINITION}${ENTER}`],
        // The default is no: a definition typed in is not agreed on until the user says so.
        ['Har samverkansparterna enats om den här definitionen\\?', `${UP}${ENTER}`],
        ['Vilket län eller vilken region', ENTER],
        ['Skriva en mapp texts/', ENTER],
      ],
    );
    expect(run.failed).toBeNull();
    expect(run.code).toBe(EXIT.ok);
    expect(run.output).toContain(`Skrev ${out}.`);

    const config = parseConfig(readFileSync(out, 'utf8'), out);
    expect(config.project.violence_definition).toBe(DEFINITION);
    expect(config.project.violence_definition_agreed).toBe(true);
    // The unsure ones were not taken.
    expect(config.indicators.map((i) => i.id)).toEqual(['fysiskt_vald', 'hot', 'krankt_pa_natet', 'utsatt_nagon_form', 'berusad', 'vuxen_att_prata_med']);
    expect(config.project.county).toBe('Länet');
    const berusad = config.indicators.find((i) => i.id === 'berusad')!;
    expect(berusad.column).toBe('F50_berusad');
    const scale = config.answer_scales[berusad.answers as string]!;
    expect([scale.yes.includes('2'), scale.no.includes('1'), scale.missing.includes('9')]).toEqual([true, true, true]);
    expect(config.answer_scales.ja_nej!.missing).toContain('Kanske');
    return ingestFiles([csv], config).then(({ sums }) => {
      const figures = computeFigures(sums, config);
      const drunk = figures.records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === 'berusad' && r.group === 'total');
      expect(drunk.map((r) => r.area).sort()).toEqual(['Länet', 'Tallmo', 'Ängsby']);
      expect(drunk.every((r) => r.n > 20)).toBe(true);
    });
  });

  /** The Google Forms fixture's where-question, whose ticked options are in one cell. */
  const WHERE = 'Om ja: var hände det? (Du kan välja flera svar)';

  /** init in a terminal on the Google Forms fixture with these steps after the columns are accepted; the config it wrote, and its place indicators read from WHERE. */
  function initOnForms(steps: [string, string][]) {
    const { dir, csv } = copyOf(FORMS);
    const out = join(dir, 'lagesbild.yaml');
    const run = inTerminal(['init', csv, '--lang', 'sv'], [['Stämmer kolumnerna\\?', ENTER], ...steps]);
    expect(run.failed).toBeNull();
    expect(run.code).toBe(EXIT.ok);
    const config = parseConfig(readFileSync(out, 'utf8'), out);
    const places = config.indicators.filter((i) => i.id.startsWith('plats_') && i.column === WHERE);
    return { run, text: readFileSync(out, 'utf8'), places: places.map((i) => [i.id, i.several_answers, config.answer_scales[i.answers as string]!.yes]) };
  }

  /** Take a place's first candidate (an option of WHERE). */
  const candidate = (id: string): [string, string][] => [
    ['Välj en indikator', id],
    [`❯ ${id}`, ENTER],
    [`Vilken kolumn ska ${id} läsas från\\?`, ENTER],
  ];

  it('two places read from one column of options ticked in one cell (Google Forms): each its own option; the others stay suggestions', () => {
    const { run, text, places } = initOnForms([
      ...candidate('plats_skolan'),
      ['ja: "I skolan" 13', ''],
      ['Stämmer indelningen av svaren\\?', ENTER],
      ...candidate('plats_hemma'),
      ['Stämmer indelningen av svaren\\?', ENTER],
      ...DONE_WITH_DEFAULTS,
    ]);
    // The column is not "used already" by the other place: each reads its own option.
    expect(run.output).not.toContain('används redan av');
    expect(places).toEqual([
      ['plats_skolan', true, ['I skolan']],
      ['plats_hemma', true, ['Hemma']],
    ]);
    expect(text).toContain('# plats_natet: osäker');
  });

  it('finds an option ticked in one cell by searching, and counts the options chosen as yes (the list says which)', () => {
    const { places } = initOnForms([
      // plats_natet by searching: each option of the question is one to find.
      ['Välj en indikator', 'plats_natet'],
      ['❯ plats_natet', ENTER],
      ['Vilken kolumn ska plats_natet läsas från\\?', 'Sök'],
      ['❯ Sök bland alla kolumner', ENTER],
      ['Skriv en del av frågan', 'nätet'],
      ['var hände det\\? \\(Du kan välja flera svar\\) – På nätet', ENTER],
      ['ja: "På nätet" 4', ''],
      ['Stämmer indelningen av svaren\\?', ENTER],
      // plats_skolan: "Ute, på stan eller i parken" counted as yes too.
      ...candidate('plats_skolan'),
      ['Stämmer indelningen av svaren\\?', `n${ENTER}`],
      ['Vilka svar räknas som ja för plats_skolan\\?', `${DOWN}${SPACE}${ENTER}`],
      ['Och vilka av de övriga betyder "inget svar"\\?', ENTER],
      // The list names the options it counts (the terminal wraps the line after the first); Enter: done.
      ['plats_skolan ← Om ja: var hände det\\? \\(Du kan välja flera svar\\) – I skolan,', ENTER],
      ...DONE_WITH_DEFAULTS.slice(1),
    ]);
    expect(places).toEqual([
      ['plats_skolan', true, ['I skolan', 'Ute, på stan eller i parken']],
      ['plats_natet', true, ['På nätet']],
    ]);
  });

  it('maps an indicator to another column, maps one it did not propose, unmaps one; answers are shown with counts before they are accepted', () => {
    const { dir, csv } = copyOf(LILLBY);
    const out = join(dir, 'lagesbild.yaml');
    const parentHit = 'Har en förälder eller annan vuxen i din familj någon gång slagit dig?';
    const centre = 'Händer det att du känner dig otrygg i centrum på kvällar och helger?';
    const run = inTerminal(
      ['init', csv, '--lang', 'sv'],
      [
        ['Stämmer kolumnerna\\?', ENTER],
        // Remap: fysiskt_vald (typing its name moves there) to its second candidate.
        ['Välj en indikator', 'fysiskt'],
        ['❯ fysiskt_vald ←', ENTER],
        ['Vilken kolumn ska fysiskt_vald läsas från\\?', `${DOWN}${ENTER}`],
        // The chosen column's question, how sure, and its answers with counts, before accepting.
        ['ja: "Ja, någon gång" 1\\s+nej: "Nej" 22', ''],
        ['Stämmer indelningen av svaren\\?', ENTER],
        // Map otrygg_ute, which no column fits, by searching all columns.
        ['Välj en indikator', 'otrygg_ute'],
        ['❯ otrygg_ute', ENTER],
        ['Vilken kolumn ska otrygg_ute läsas från\\?', 'Sök'],
        ['❯ Sök bland alla kolumner', ENTER],
        ['Skriv en del av frågan', 'centrum'],
        ['centrum på kvällar', ENTER],
        ['passar inte: trygghet \\(frågan gäller centrum, indikatorn området där eleven bor\\)', ''],
        ['Stämmer indelningen av svaren\\?', ENTER],
        // Unmap berusad: "Ingen kolumn" is the last choice (one up from the first, the list wraps).
        ['Välj en indikator', 'berusad'],
        ['❯ berusad ←', ENTER],
        ['Vilken kolumn ska berusad läsas från\\?', `${UP}${ENTER}`],
        ...DONE_WITH_DEFAULTS,
      ],
    );
    expect(run.failed).toBeNull();
    expect(run.code).toBe(EXIT.ok);
    expect(run.output).toContain(`varning: otrygg_ute: du valde "${centre}" (frågan gäller centrum, indikatorn området där eleven bor); kontrollera att label och statement i inställningsfilen säger det frågan frågar`);

    const text = readFileSync(out, 'utf8');
    const config = parseConfig(text, out);
    const ind = (id: string) => config.indicators.find((i) => i.id === id);
    expect([ind('fysiskt_vald')?.column, ind('fysiskt_vald')?.question]).toEqual([parentHit, parentHit]);
    // The indicator's text follows the question's time frame.
    expect(ind('fysiskt_vald')?.statement).toEqual({ sv: 'att de utsatts för fysiskt våld någon gång', en: 'that they had been subjected to physical violence at some point' });
    expect(ind('otrygg_ute')?.column).toBe(centre);
    expect(ind('berusad')).toBeUndefined();
    // The template's definition was kept: a suggestion, not an agreed definition.
    expect(config.project.violence_definition_agreed).toBe(false);
    expect(text).toContain('  # Vald i guiden fast frågan inte passar: trygghet · frågan gäller centrum, indikatorn området där eleven bor. ÄNDRA: label och statement är mallens;');
  });

  it('a year column of school years: asks when the survey was answered, and the config reads the years so', () => {
    const dir = tempDir('lagesbild-tty-');
    const rows = ['Läsår;Kommun;Kön;Årskurs;Har du blivit slagen eller sparkad under det senaste året?'];
    for (const year of ['2022/23', '2023/24']) for (let i = 0; i < 24; i++) rows.push(`${year};Åby;${i % 2 ? 'Flicka' : 'Pojke'};Åk ${8 + (i % 2)};${i % 4 ? 'Nej' : 'Ja'}`);
    const csv = join(dir, 'enkat.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const out = join(dir, 'lagesbild.yaml');
    const run = inTerminal(
      ['init', csv, '--lang', 'sv'],
      [
        ['Stämmer kolumnerna\\?', ENTER],
        ['Välj en indikator för att ändra kolumn eller svar, eller Klar:', ENTER],
        ['definition av våld', ENTER],
        ['Vilket län eller vilken region', ENTER],
        // Spring is first; autumn is chosen.
        ['Läsår har läsår \\("2022/23"\\)\\. När besvarades enkäten\\?[\\s\\S]*På vårterminen: 2022/23 är 2023[\\s\\S]*På höstterminen: 2022/23 är 2022', `${DOWN}${ENTER}`],
        ['Skriva en mapp texts/', ENTER],
      ],
    );
    expect(run.failed).toBeNull();
    expect(run.code).toBe(EXIT.ok);
    const config = parseConfig(readFileSync(out, 'utf8'), out);
    expect([config.columns.year, config.columns.answered_in]).toEqual(['Läsår', 'autumn']);
    return ingestFiles([csv], config).then(({ sums }) => expect(sums.years).toEqual([2022, 2023]));
  });

  it('Ctrl+C at a question leaves nothing written; exit 130', () => {
    const { dir, csv } = messyCopy();
    const run = inTerminal(['init', csv, '--lang', 'sv'], [['Stämmer kolumnerna\\?', '\u0003']]);
    expect(run.failed).toBeNull();
    expect(run.code).toBe(EXIT.interrupted);
    expect(run.output).toContain('Avbrutet; ingen fil skrevs.');
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
  });
});

describe('without a terminal (stdin closed) nothing waits', { timeout: 2 * LIMIT_S * 1000 + 30_000 }, () => {
  // Asynchronous: a test worker blocked in spawnSync on a busy machine misses vitest's own
  // messages ("Timeout calling onTaskUpdate").
  const closed = (args: string[]) =>
    new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: LIMIT_S * 1000 });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('close', (status, signal) => resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });

  it('init stops with the flags to pass; exit 2', async () => {
    const { dir, csv } = messyCopy();
    const run = await closed(['init', csv, '--lang', 'en']);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toContain('pass --yes to accept the proposals above');
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
  });

  it('init --yes writes the config; validate then finishes; exit 0', async () => {
    const { dir, csv } = messyCopy();
    const init = await closed(['init', csv, '--yes', '--lang', 'en']);
    expect([init.signal, init.status]).toEqual([null, EXIT.ok]);
    const validate = await closed(['validate', csv, '-c', join(dir, 'lagesbild.yaml'), '--lang', 'en']);
    expect([validate.signal, validate.status]).toEqual([null, EXIT.ok]);
    expect(validate.stdout).toContain('Result: the data can be reported. (exit code 0)');
  });
});
