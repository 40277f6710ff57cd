// `lagesbild init`: a commented lagesbild.yaml from a survey CSV. The proposals come from
// src/init (pure); this command shows them, asks what it cannot know (each question has a
// default, so Enter all the way gives the proposal) and writes the file once, at the end.
// Without a terminal it never asks: --yes takes the proposals, anything else stops with a hint.
import { access, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { EXIT, msg, type ExitCode } from '../../errors.js';
import type { CommandAction, CommandContext } from '../main.js';
import { checkTargets, writeOutputs } from '../outputs.js';
import { commandName, shellQuote } from '../invocation.js';
import { cliLanguage, cliMessages, type InitTexts } from '../i18n.js';
import type { InitProposal } from '../../init/propose.js';
import type { InitDecisions } from '../../init/build.js';
import { REQUIRED_ROLES, ROLES, type Role, type Roles } from '../../init/roles.js';
import type { AnswerClass } from '../../init/answers.js';
import type { Delimiter, Encoding } from '../../ingest/sniff.js';

interface InitFlags {
  out?: string;
  force?: boolean;
  yes?: boolean;
  input: boolean;
  areaColumn?: string;
  yearColumn?: string;
  genderColumn?: string;
  gradeColumn?: string;
  weightColumn?: string;
  idColumn?: string;
  county?: string;
  definition?: string;
  encoding?: Encoding;
  delimiter?: ',' | ';' | 'tab';
  lang?: string;
}

const ROLE_FLAG: Record<Role, keyof InitFlags & `${string}Column`> = {
  area: 'areaColumn',
  year: 'yearColumn',
  gender: 'genderColumn',
  grade: 'gradeColumn',
  weight: 'weightColumn',
  id: 'idColumn',
};
const flagName = (role: Role) => `--${role}-column`;
const DEFAULT_COUNTY = 'Länet';

export function registerInit(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  const cmd = program
    .command('init')
    .description('make a commented lagesbild.yaml from a survey CSV: proposes columns, indicators and answers, asks what it cannot tell')
    .argument('[csv]', 'a survey file (one row per respondent)')
    .option('-o, --out <file>', 'where to write the config (default: lagesbild.yaml next to the CSV)')
    .option('-f, --force', 'replace an existing config')
    .option('-y, --yes', 'accept every proposal without asking (needed without a terminal)')
    .option('--no-input', 'never ask, also in a terminal (use with --yes)');
  const roleNames = cliMessages('en').init.roleName;
  for (const role of ROLES) {
    cmd.option(`${flagName(role)} <name>`, `the ${roleNames[role]} column${REQUIRED_ROLES.includes(role) ? '' : ' ("none" if there is none)'}`);
  }
  cmd
    .option('--county <name>', `the county or region compared with (default "${DEFAULT_COUNTY}")`)
    .option('--definition <text>', "the municipality's agreed definition of violence (default: the template's, after WHO)")
    .addOption(new Option('--encoding <name>', 'force the file encoding instead of guessing it').choices(['utf-8', 'windows-1252']))
    .addOption(new Option('--delimiter <char>', 'force the column separator instead of guessing it').choices([',', ';', 'tab']))
    .option('--lang <lang>', 'language of the questions: sv or en (default: from LANG, else en)')
    .addHelpText(
      'after',
      `
Examples:
  lagesbild init data/enkat-2023.csv                  (asks, then writes data/lagesbild.yaml)
  lagesbild init data/enkat-2023.csv --yes --no-input --county "Norrbacka län" -o lagesbild.yaml`,
    )
    .action(wrap(async (ctx, csv: string | undefined, flags: InitFlags) => runInit(ctx, csv, flags)));
}

async function runInit(ctx: CommandContext, csvArg: string | undefined, flags: InitFlags): Promise<ExitCode> {
  const t = cliMessages(cliLanguage(flags.lang)).init;
  // The core is loaded when the command runs, so `lagesbild --help` stays fast.
  const [{ profileCsv }, { loadTemplate, SCHEMA_PATH }, { badYearExample, missingRoles, propose }, { buildConfig }, { formatCount }] = await Promise.all([
    import('../../init/profile.js'),
    import('../../init/template.js'),
    import('../../init/propose.js'),
    import('../../init/build.js'),
    import('../../validate/format.js'),
  ]);
  // --yes takes the proposals as they are, also in a terminal.
  const interactive = flags.input !== false && !flags.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const ask = interactive ? asker(await import('@inquirer/prompts'), t) : null;
  try {
    const csv = csvArg ?? (ask ? (await ask.input(t.ask.csv, await onlyCsvHere())).trim() || undefined : undefined);
    if (csv === undefined) {
      ctx.log.error(t.noCsv);
      return EXIT.usage;
    }
    const out = flags.out ?? join(dirname(csv), 'lagesbild.yaml');
    let force = flags.force ?? false;
    if (!force && ask && (await exists(out))) {
      if (!(await ask.yesNo(t.ask.overwrite(out), false))) {
        ctx.log.info(t.notOverwritten(out));
        return EXIT.output;
      }
      force = true;
    }
    // -o names the config file here, not a folder.
    const hint = msg('output.wouldOverwrite.initHint');
    await checkTargets([out], force, hint);

    const delimiter: Delimiter | undefined = flags.delimiter === 'tab' ? '\t' : flags.delimiter;
    const profile = await profileCsv(csv, { encoding: flags.encoding, delimiter });
    const template = await loadTemplate();
    const fixed: Partial<Roles> = {};
    for (const role of ROLES) {
      const v = flags[ROLE_FLAG[role]];
      if (v !== undefined) fixed[role] = v === 'none' ? null : v;
    }
    let proposal = propose(profile, template, fixed);
    ctx.log.info(t.read(csv, formatCount(profile.rows), profile.complete, t.encoding[profile.encoding], t.delimiter[profile.delimiter]));
    showRoles(ctx, t, proposal.roles);

    let decisions: InitDecisions = { county: flags.county ?? DEFAULT_COUNTY, definition: flags.definition ?? null };
    if (!ask) {
      showIndicators(ctx, t, proposal);
      if (!flags.yes) {
        ctx.log.error(t.needYes);
        return EXIT.usage;
      }
      const missing = missingRoles(proposal.roles);
      if (missing.length > 0) {
        for (const r of missing) ctx.log.error(t.missingRole(t.roleName[r], flagName(r)));
        return EXIT.usage;
      }
    } else {
      if (missingRoles(proposal.roles).length > 0 || !(await ask.yesNo(t.ask.rolesOk, true))) {
        proposal = propose(profile, template, await askRoles(ask, t, proposal));
      }
      showIndicators(ctx, t, proposal);
      decisions = await askDecisions(ask, t, proposal, decisions);
    }

    const built = buildConfig(proposal, template, decisions, {
      csvName: basename(csv),
      configName: basename(out),
      schema: schemaReference(out, SCHEMA_PATH),
      badYear: badYearExample(proposal),
    });
    for (const w of built.warnings) ctx.log.warn(t.warning(w));
    await writeOutputs([{ path: out, data: built.text }], force, hint);
    ctx.log.info(t.wrote(out));
    const area = proposal.areas.length > 1 ? ` --area ${shellQuote(proposal.areas[0]!)}` : '';
    const run = commandName();
    ctx.log.info(`${t.next}\n  ${run} validate ${shellQuote(csv)} -c ${shellQuote(out)}\n  ${run} report ${shellQuote(csv)} -c ${shellQuote(out)}${area}`);
    return EXIT.ok;
  } catch (err) {
    // Ctrl+C in a prompt: nothing has been written yet (writing is the last step).
    if (err instanceof Error && err.name === 'ExitPromptError') {
      ctx.log.info(t.cancelled);
      return EXIT.interrupted;
    }
    throw err;
  }
}

/** The prompts this wizard uses, with key help and yes/no in the CLI's language. */
function asker(prompts: typeof import('@inquirer/prompts'), t: InitTexts) {
  return {
    input: (message: string, def?: string) => prompts.input({ message, default: def }),
    yesNo: (message: string, def: boolean) =>
      prompts.select({
        message,
        choices: [
          { name: t.ask.yes, value: true },
          { name: t.ask.no, value: false },
        ],
        default: def,
        instructions: t.ask.keys.select,
      }),
    select: <V>(message: string, choices: { name: string; value: V }[], def?: V) => prompts.select({ message, choices, default: def, instructions: t.ask.keys.select, pageSize: 12 }),
    checkbox: <V>(message: string, choices: { name: string; value: V; checked?: boolean }[]) =>
      prompts.checkbox({ message, choices, instructions: t.ask.keys.checkbox, pageSize: 12 }),
  };
}
type Prompts = ReturnType<typeof asker>;

async function askRoles(ask: Prompts, t: InitTexts, p: InitProposal): Promise<Roles> {
  const roles = { ...p.roles };
  const columns = p.profile.columns.filter((c) => !c.duplicateName).map((c) => ({ name: c.name, value: c.name }));
  for (const role of ROLES) {
    const choices = REQUIRED_ROLES.includes(role) ? columns : [{ name: t.none, value: '' }, ...columns];
    const chosen = await ask.select(t.ask.role(t.roleName[role]), choices, roles[role] ?? '');
    roles[role] = chosen === '' ? null : chosen;
  }
  return roles;
}

async function askDecisions(ask: Prompts, t: InitTexts, p: InitProposal, defaults: InitDecisions): Promise<InitDecisions> {
  const genderCodes = new Map<string, 'girl' | 'boy' | 'other' | 'missing'>();
  const kinds = ['girl', 'boy', 'other', 'missing'] as const;
  const unknown = (p.gender?.values ?? []).filter((v) => v.label === null);
  for (const [i, v] of unknown.entries()) {
    // Default in the template's order (flickor, pojkar, annat), as codes 1, 2, 3 usually are.
    const choices = kinds.map((k) => ({ name: t.ask.gender[k], value: k }));
    genderCodes.set(v.code, await ask.select(t.ask.genderCode(p.roles.gender!, v.code), choices, kinds[Math.min(i, 2)]));
  }

  let include: Set<string> | undefined;
  const proposed = p.indicators.indicators;
  if (proposed.length > 0 && !(await ask.yesNo(t.ask.indicatorsOk(proposed.length), true))) {
    const picked = await ask.checkbox(
      t.ask.pickIndicators,
      proposed.map((ind) => ({ name: `${ind.id} ← ${ind.column}`, value: ind.id, checked: true })),
    );
    include = new Set(picked);
  }

  // Answers the proposal could not class, asked once per set of answers that columns share.
  const answers = new Map<string, Map<string, AnswerClass>>();
  const sets = new Map<string, { values: string[]; columns: string[] }>();
  for (const ind of proposed) {
    if (ind.answers.unknown.length === 0 || (include && !include.has(ind.id))) continue;
    const key = JSON.stringify(ind.answers.unknown.slice().sort());
    const set = sets.get(key) ?? { values: ind.answers.unknown, columns: [] };
    set.columns.push(ind.column);
    sets.set(key, set);
  }
  for (const { values, columns } of sets.values()) {
    const shown = values.map((v) => `"${v}"`).join(', ');
    const yes = await ask.checkbox(t.ask.unknownYes(shown, columns.join(', ')), values.map((v) => ({ name: v, value: v })));
    const rest = values.filter((v) => !yes.includes(v));
    // 9, 99 … are the usual codes for "no answer".
    const missing = rest.length ? await ask.checkbox(t.ask.unknownMissing, rest.map((v) => ({ name: v, value: v, checked: /^9+$/.test(v) }))) : [];
    const classes = new Map<string, AnswerClass>(values.map((v) => [v, yes.includes(v) ? 'yes' : missing.includes(v) ? 'missing' : 'no']));
    for (const c of columns) answers.set(c, classes);
  }

  const definition = (await ask.input(t.ask.definition, defaults.definition ?? undefined)).trim();
  const county = (await ask.input(t.ask.county, defaults.county)).trim() || defaults.county;
  return { include, answers, genderCodes, county, definition: definition === '' ? null : definition };
}

function showRoles(ctx: CommandContext, t: InitTexts, roles: Roles): void {
  const width = Math.max(...ROLES.map((r) => t.roleName[r].length));
  ctx.log.info([t.columnsHeading, ...ROLES.map((r) => `  ${t.roleName[r].padEnd(width)}  ${roles[r] ?? t.none}`)].join('\n'));
}

function showIndicators(ctx: CommandContext, t: InitTexts, p: InitProposal): void {
  const { indicators, unused } = p.indicators;
  if (indicators.length === 0) ctx.log.info(t.noIndicators);
  else {
    const idWidth = Math.max(...indicators.map((i) => i.id.length));
    const colWidth = Math.max(...indicators.map((i) => i.column.length));
    const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');
    // Yes answers only when the data's own answers were understood (not for codes).
    const lines = indicators.map(
      (i) => `  ${t.indicatorLine(i.id.padEnd(idWidth), i.column.padEnd(colWidth), i.answers.understood ? quoted(i.answers.yes) : '?', quoted(i.answers.unknown))}`,
    );
    ctx.log.info([t.indicatorsHeading(indicators.length), ...lines].join('\n'));
  }
  const notUsed = unused.filter((u) => u.why === 'no-match').map((u) => u.column);
  const free = unused.filter((u) => u.why === 'free-text').map((u) => u.column);
  if (notUsed.length) ctx.log.info(t.unused(notUsed.join(', ')));
  if (free.length) ctx.log.info(t.freeText(free.join(', ')));
}

/** The JSON Schema as seen from the config's folder, for editor completion. */
function schemaReference(out: string, schema: string): string {
  // Relative inside the project (node_modules/lagesbild/…); a global install by its full path.
  const rel = relative(dirname(resolve(out)), schema);
  return rel.startsWith('..') ? schema : `./${rel.split(sep).join('/')}`;
}

/** The CSV in the current folder when there is exactly one (the wizard's default). */
async function onlyCsvHere(): Promise<string | undefined> {
  const csvs = (await readdir('.')).filter((f) => f.toLowerCase().endsWith('.csv'));
  return csvs.length === 1 ? csvs[0] : undefined;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
