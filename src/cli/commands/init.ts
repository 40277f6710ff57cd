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
import type { InitFacts, InitProposal } from '../../init/propose.js';
import type { InitDecisions } from '../../init/build.js';
import type { IndicatorProposal } from '../../init/indicators.js';
import type { ScaleProposal } from '../../init/answers.js';
import type { Template } from '../../init/template.js';
import { matchSummary, reasonText } from '../../init/explain.js';
import { REQUIRED_ROLES, ROLES, type Role, type Roles } from '../../init/roles.js';
import type { AnswerClass } from '../../init/answers.js';
import { inputFlags, inputOptions, type InputFlags } from './options.js';

interface InitFlags extends InputFlags {
  out?: string;
  force?: boolean;
  yes?: boolean;
  /** --no-texts: no skeleton texts/ folder. */
  texts?: boolean;
  input: boolean;
  areaColumn?: string;
  yearColumn?: string;
  genderColumn?: string;
  gradeColumn?: string;
  weightColumn?: string;
  idColumn?: string;
  county?: string;
  definition?: string;
  definitionAgreed?: boolean;
  answeredIn?: 'spring' | 'autumn';
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
    .argument('[file]', 'a survey file (one row per respondent): CSV, Excel (.xlsx) or SPSS (.sav, .zsav)')
    .option('-o, --out <file>', 'where to write the config (default: lagesbild.yaml next to the CSV)')
    .option('-f, --force', 'replace an existing config')
    .option('-y, --yes', 'accept every proposal without asking (needed without a terminal)')
    .option('--no-input', 'never ask, also in a terminal (use with --yes)')
    .option('--no-texts', "no texts/ folder for the municipality's own texts (default: offered, and written with --yes)");
  const roleNames = cliMessages('en').init.roleName;
  for (const role of ROLES) {
    cmd.option(`${flagName(role)} <name>`, `the ${roleNames[role]} column${REQUIRED_ROLES.includes(role) ? '' : ' ("none" if there is none)'}`);
  }
  inputOptions(
    cmd
      .option('--county <name>', `the county or region compared with (default "${DEFAULT_COUNTY}")`)
      .option('--definition <text>', "the municipality's definition of violence (default: the template's suggestion, after WHO)")
      .option('--definition-agreed', 'the partners have agreed on --definition (the report then says so)')
      .addOption(new Option('--answered-in <term>', 'a year column of school years (2022/23): the survey was answered in the spring (read as 2023) or the autumn (2022)').choices(['spring', 'autumn'])),
  )
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
  const [{ profileCsv }, { loadTemplate, SCHEMA_PATH }, { badYearExample, datedColumns, missingRoles, propose, schoolYearExample }, { buildConfig }, { formatCount, describeSource }, { yearInName }] = await Promise.all([
    import('../../init/profile.js'),
    import('../../init/template.js'),
    import('../../init/propose.js'),
    import('../../init/build.js'),
    import('../../validate/format.js'),
    import('../../ingest/facts.js'),
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

    const given = inputFlags(flags);
    const profile = await profileCsv(csv, given);
    const template = await loadTemplate();
    const fixed: Partial<Roles> = {};
    for (const role of ROLES) {
      const v = flags[ROLE_FLAG[role]];
      if (v !== undefined) fixed[role] = v === 'none' ? null : v;
    }
    let proposal = propose(profile, template, fixed);
    const [how1, how2] = describeSource(t, profile)!;
    ctx.log.info(t.read(profile.file, formatCount(profile.rows), profile.complete, how1, how2));
    // The same words as figures and report use for a workbook's other waves.
    if (profile.otherWaves && profile.sheet !== undefined) ctx.log.warn(msg('xlsx.otherWaves', { file: profile.file, sheet: profile.sheet, others: profile.otherWaves }));
    showRoles(ctx, t, proposal.roles);

    let decisions: InitDecisions = { county: flags.county ?? DEFAULT_COUNTY, definition: flags.definition ?? null, definitionAgreed: flags.definitionAgreed ?? false };
    // Data without a year or municipality column: the year from --year, the file name or the
    // dates the pupils answered on (when they all fall in one year), the municipality from
    // --area-name; asked in a terminal, else the flag to pass.
    const named = yearInName(csv);
    const dated = datedColumns(profile);
    const fromDates = dated !== null && dated.years.length === 1 ? { year: dated.years[0]!, from: 'dates' as const, ...dated } : null;
    const factsFor = (p: InitProposal): InitFacts => ({
      year: p.roles.year !== null ? null : given.year !== undefined ? { year: given.year, from: 'flag' } : named !== null ? { year: named, from: 'file-name' } : fromDates,
      area: p.roles.area !== null ? null : (given.areaName ?? null),
    });
    let facts = factsFor(proposal);
    if (!ask) {
      showIndicators(ctx, t, proposal, template);
      if (!flags.yes) {
        ctx.log.error(t.needYes);
        return EXIT.usage;
      }
      const missing = missingRoles(proposal.roles);
      if (missing.length > 0) {
        for (const r of missing) ctx.log.error(t.missingRole(t.roleName[r], flagName(r)));
        return EXIT.usage;
      }
      if (proposal.roles.year === null && facts.year === null) ctx.log.error(t.missingYear(basename(csv), dated));
      if (proposal.roles.area === null && facts.area === null) ctx.log.error(t.missingArea);
      if ((proposal.roles.year === null && facts.year === null) || (proposal.roles.area === null && facts.area === null)) return EXIT.usage;
      // School years are not read as a year without the term they were answered in: not guessed.
      const school = schoolYearExample(proposal);
      if (school && !flags.answeredIn) {
        ctx.log.error(t.schoolYears(proposal.roles.year!, school.example, school.autumn));
        return EXIT.usage;
      }
    } else {
      if (missingRoles(proposal.roles).length > 0 || !(await ask.yesNo(t.ask.rolesOk, true))) {
        proposal = propose(profile, template, await askRoles(ask, t, proposal));
        facts = factsFor(proposal);
      }
      if (proposal.roles.year === null && facts.year === null) facts.year = { year: Number(await ask.input(t.ask.year, undefined, (v) => isYear(v) || t.ask.notYear)), from: 'answer' };
      if (proposal.roles.area === null && facts.area === null) facts.area = (await ask.input(t.ask.area, undefined, (v) => v.trim() !== '' || t.ask.area)).trim();
      showIndicators(ctx, t, proposal, template);
      decisions = await askDecisions(ask, t, proposal, template, decisions);
      const school = schoolYearExample(proposal);
      if (school && !flags.answeredIn) {
        const term = (which: 'spring' | 'autumn') => ({ name: t.ask.term(which, school.example, which === 'spring' ? school.autumn + 1 : school.autumn), value: which });
        decisions = { ...decisions, answeredIn: await ask.select(t.ask.answeredIn(proposal.roles.year!, school.example), [term('spring'), term('autumn')]) };
      }
    }
    if (flags.answeredIn && proposal.roles.year !== null) decisions = { ...decisions, answeredIn: flags.answeredIn };
    if (facts.year) ctx.log.info(t.yearFor(facts.year));

    // The skeleton texts/ folder: offered, taken with --yes, left out with --no-texts.
    const withTexts = flags.texts !== false && (ask ? await ask.yesNo(t.ask.texts, true) : true);
    const { skeletonTexts } = await import('../../init/texts.js');
    const skeleton = withTexts ? skeletonTexts() : [];
    const built = buildConfig(proposal, template, decisions, {
      csvName: basename(csv),
      configName: basename(out),
      schema: schemaReference(out, SCHEMA_PATH),
      badYear: badYearExample(proposal, decisions.answeredIn),
      facts,
      ...(withTexts ? { texts: Object.fromEntries(skeleton.map((s) => [s.place, s.file])) } : {}),
    });
    for (const w of built.warnings) ctx.log.warn(t.warning(w));
    // Texts someone has written are never replaced, not even with --force.
    const textFiles = [];
    for (const s of skeleton) {
      const path = join(dirname(out), s.file);
      if (await exists(path)) ctx.log.info(t.keptText(path));
      else textFiles.push({ path, data: s.content });
    }
    await writeOutputs([{ path: out, data: built.text }, ...textFiles], force, hint);
    if (withTexts && textFiles.length > 0) ctx.log.info(t.wroteTexts(join(dirname(out), 'texts'), textFiles.length));
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
    input: (message: string, def?: string, valid?: (v: string) => boolean | string) => prompts.input({ message, default: def, ...(valid ? { validate: valid } : {}) }),
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
    /** Type to narrow a long list (every column of the file). */
    search: <V>(message: string, source: (term: string | undefined) => { name: string; value: V }[]) =>
      prompts.search({ message, source: async (term) => source(term), pageSize: 12 }),
    show: (text: string) => process.stderr.write(`${text}\n`),
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

async function askDecisions(ask: Prompts, t: InitTexts, p: InitProposal, template: Template, defaults: InitDecisions): Promise<InitDecisions> {
  const genderCodes = new Map<string, 'girl' | 'boy' | 'other' | 'missing'>();
  const kinds = ['girl', 'boy', 'other', 'missing'] as const;
  const unknown = (p.gender?.values ?? []).filter((v) => v.label === null);
  for (const [i, v] of unknown.entries()) {
    // Default in the template's order (flickor, pojkar, annat), as codes 1, 2, 3 usually are.
    const choices = kinds.map((k) => ({ name: t.ask.gender[k], value: k }));
    genderCodes.set(v.code, await ask.select(t.ask.genderCode(p.roles.gender!, v.code), choices, kinds[Math.min(i, 2)]));
  }

  const { mapping, answers } = await reviewIndicators(ask, t, p, template);

  // Answers the proposal could not class, asked once per set of answers that columns share.
  const sets = new Map<string, { values: string[]; columns: string[] }>();
  const { chosenProposals } = await import('../../init/build.js');
  for (const ind of chosenProposals(p, mapping).values()) {
    if (ind.answers.unknown.length === 0 || answers.has(ind.column)) continue;
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
  // Only a definition typed in can have been agreed on; the template's is a suggestion.
  const agreed = definition !== '' && (await ask.yesNo(t.ask.definitionAgreed, false));
  const county = (await ask.input(t.ask.county, defaults.county)).trim() || defaults.county;
  return { mapping, answers, genderCodes, county, definition: definition === '' ? null : definition, definitionAgreed: agreed };
}

const DONE = '\u0000done';
const SEARCH = '\u0000search';
const NONE = '\u0000none';

/** A proposal in a list: its question, and of a question with options ticked in one cell the options it counts. */
function shownAs(p: IndicatorProposal): string {
  return `${p.question ?? p.column}${p.several ? ` – ${p.several.join(', ')}` : ''}`;
}

/**
 * The indicator list: choose one to map it to any column (its candidates first, then a search
 * over all columns), to unmap it, and to see and change how its answers are classed. Enter on
 * "Done" (the default) keeps everything as proposed.
 */
async function reviewIndicators(
  ask: Prompts,
  t: InitTexts,
  p: InitProposal,
  template: Template,
): Promise<{ mapping: Map<string, IndicatorProposal | null>; answers: Map<string, Map<string, AnswerClass>> }> {
  const { templateSources, proposalForPicked, searchableColumns, readsFrom } = await import('../../init/indicators.js');
  const sources = templateSources(template);
  const taken = new Set(Object.values(p.roles).filter((c): c is string => c !== null));
  const columns = p.profile.columns.filter((c) => !taken.has(c.name) && !c.duplicateName && c.values !== null);
  // Of a question whose ticked options are in one cell, each option is one to search for.
  const searchable = searchableColumns(columns);
  const mapping = new Map<string, IndicatorProposal | null>();
  const answers = new Map<string, Map<string, AnswerClass>>();
  const current = (id: string) => (mapping.has(id) ? mapping.get(id)! : (p.indicators.indicators.find((i) => i.id === id) ?? null));

  for (;;) {
    // Which indicator reads which column now, to mark a candidate another indicator already uses.
    const usedBy = new Map<string, string>();
    for (const { ind } of sources) {
      const c = current(ind.id);
      if (c) usedBy.set(readsFrom(c), ind.id);
    }
    const choices = [
      { name: t.ask.done, value: DONE },
      ...sources.map(({ ind }) => {
        const c = current(ind.id);
        const suggestion = mapping.has(ind.id) ? undefined : p.indicators.suggestions.find((s) => s.id === ind.id);
        return { name: t.reviewLine(ind.id, c === null ? null : short(shownAs(c)), c === null && suggestion ? short(shownAs(suggestion)) : null), value: ind.id };
      }),
    ];
    const id = await ask.select(t.ask.review, choices, DONE);
    if (id === DONE) return { mapping, answers };
    const source = sources.find((s) => s.ind.id === id)!;
    const candidates = p.indicators.candidates.get(id) ?? [];
    const now = current(id);
    // A candidate by what it reads: several indicators may read one column of several ticked answers.
    const picked = await ask.select(
      t.ask.pickColumn(id),
      [
        ...candidates.map((c) => {
          const other = usedBy.get(readsFrom(c));
          const note = other !== undefined && other !== id ? `  ${t.usedBy(other)}` : '';
          return { name: `${short(shownAs(c))}  [${matchSummary(c.level, [], c.doubts, t.lang)}]${note}`, value: readsFrom(c) };
        }),
        { name: t.ask.search, value: SEARCH },
        { name: t.ask.noColumn, value: NONE },
      ],
      (now && readsFrom(now)) ?? (candidates[0] && readsFrom(candidates[0])) ?? SEARCH,
    );
    if (picked === NONE) {
      mapping.set(id, null);
      continue;
    }
    const candidate = candidates.find((c) => readsFrom(c) === picked);
    const name =
      picked !== SEARCH
        ? picked
        : await ask.search(t.ask.searchPrompt, (term) =>
            searchable.columns
              .filter((c) => term === undefined || c.question.toLowerCase().includes(term.toLowerCase()))
              .map((c) => ({ name: short(c.question), value: c.name })),
          );
    // A candidate as proposed (a copy: its answers may be changed below); a column searched for, matched now.
    const proposal = candidate !== undefined ? { ...candidate } : proposalForPicked(template, source, name, searchable);
    const summary = matchSummary(proposal.level, proposal.reasons, proposal.conflict ? [...proposal.doubts, proposal.conflict] : proposal.doubts, t.lang);
    ask.show(t.pickedColumn(proposal.question ?? proposal.column, summary, [...(proposal.population ? [populationLine(t, proposal.population)] : []), ...proposalAnswerLines(t, proposal)]));
    if (!(await ask.yesNo(t.ask.answersOk, true))) {
      const observed = [...proposal.answers.counts.keys()];
      const yes = await ask.checkbox(
        t.ask.pickYes(id),
        observed.map((v) => ({ name: answerName(t, v, proposal.answers.counts.get(v)), value: v, checked: proposal.answers.yes.includes(v) })),
      );
      const rest = observed.filter((v) => !yes.includes(v));
      const missing = rest.length
        ? await ask.checkbox(t.ask.unknownMissing, rest.map((v) => ({ name: answerName(t, v, proposal.answers.counts.get(v)), value: v, checked: proposal.answers.missing.includes(v) })))
        : [];
      const classes = new Map<string, AnswerClass>(observed.map((v) => [v, yes.includes(v) ? 'yes' : missing.includes(v) ? 'missing' : 'no']));
      // Of a question whose ticked options are in one cell, the options now counted as yes are what it reads.
      if (proposal.several !== null) proposal.several = observed.filter((v) => yes.includes(v));
      answers.set(readsFrom(proposal), classes);
      // The template's answers not seen in the rows read keep their class.
      const unseen = (cls: 'yes' | 'no' | 'missing') => proposal.answers[cls].filter((v) => !proposal.answers.counts.has(v));
      const missingAll = [...missing, ...unseen('missing')];
      proposal.answers = {
        ...proposal.answers,
        yes: [...yes, ...unseen('yes')],
        no: [...rest.filter((v) => !missing.includes(v)), ...unseen('no')],
        missing: missingAll.includes('') ? missingAll : [...missingAll, ''],
        unknown: [],
        understood: yes.length > 0,
      };
    }
    mapping.set(id, proposal);
  }
}

/** 'only pupils who answered "Ja" to <the filter question>' */
function populationLine(t: InitTexts, pop: NonNullable<IndicatorProposal['population']>): string {
  return t.population(pop.values.map((v) => `"${v}"`).join(', '), pop.question ?? pop.column);
}

/** A long question shortened for a list ("Har du under de senaste 12 månaderna blivit slagen, …"). */
function short(text: string, max = 72): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function answerName(t: InitTexts, value: string, count: number | undefined): string {
  return `${value === '' ? t.emptyAnswer : value}${count === undefined ? '' : ` (${count})`}`;
}

/** A proposal's answers with their counts, and for a check box what its empty cells are. */
function proposalAnswerLines(t: InitTexts, p: IndicatorProposal): string[] {
  return [...answerLines(t, p.answers), ...(p.checkboxes ? [t.checkboxNote(p.checkboxes.length)] : [])];
}

/** "ja: "Ja, en gång" (4), … · nej: "Nej" (20) · inget svar: …": the observed answers by class, with counts. */
function answerLines(t: InitTexts, a: ScaleProposal): string[] {
  const observed = (values: string[]) => values.filter((v) => a.counts.has(v));
  const part = (values: string[], max: number) => {
    const shown = observed(values);
    const text = shown.slice(0, max).map((v) => (v === '' ? `${t.emptyAnswer} ${a.counts.get(v)}` : `"${v}" ${a.counts.get(v)}`));
    return shown.length > max ? [...text, '…'].join(', ') : text.join(', ');
  };
  return (['yes', 'no', 'missing', 'unknown'] as const).filter((cls) => observed(a[cls]).length > 0).map((cls) => `${t.answerClass[cls]}: ${part(a[cls], 6)}`);
}

function showRoles(ctx: CommandContext, t: InitTexts, roles: Roles): void {
  const width = Math.max(...ROLES.map((r) => t.roleName[r].length));
  ctx.log.info([t.columnsHeading, ...ROLES.map((r) => `  ${t.roleName[r].padEnd(width)}  ${roles[r] ?? t.none}`)].join('\n'));
}

/**
 * Every standard indicator with the column taken (✓) or proposed (?), its full question, how
 * sure the match is and why, and a few of its answers with counts; then the columns not used.
 */
function showIndicators(ctx: CommandContext, t: InitTexts, p: InitProposal, template: Template): void {
  const lines: string[] = [t.indicatorsHeading];
  const ids = template.config.indicators.filter((i) => i.column !== undefined).map((i) => i.id);
  for (const id of ids) {
    const taken = p.indicators.indicators.find((i) => i.id === id);
    const shown = taken ?? p.indicators.suggestions.find((i) => i.id === id);
    if (shown === undefined) {
      lines.push(`  – ${t.noColumn(id)}`);
      continue;
    }
    const more = (p.indicators.candidates.get(id)?.length ?? 1) - 1;
    lines.push(
      `  ${taken ? '✓' : '?'} ${id}${more > 0 ? `  ${t.moreCandidates(more)}` : ''}`,
      `      ${shown.question === null ? t.nameOnly(shown.column) : `"${shown.question}"`}`,
      `      ${matchSummary(shown.level, shown.reasons, shown.doubts, t.lang)}`,
      ...(shown.population ? [`      ${populationLine(t, shown.population)}`] : []),
      ...proposalAnswerLines(t, shown).map((l) => `      ${l}`),
    );
  }
  ctx.log.info(lines.join('\n'));
  const unused = p.indicators.unused;
  const notUsed = unused.flatMap((u) =>
    u.why === 'near' ? [`  "${u.question}": ${t.nearly(u.indicator, u.reasons.map((r) => reasonText(r, t.lang)).join('; '))}`] : u.why === 'no-match' ? [`  "${u.question}"`] : [],
  );
  const free = unused.filter((u) => u.why === 'free-text').map((u) => u.column);
  if (notUsed.length) ctx.log.info([t.unusedHeading, ...notUsed].join('\n'));
  if (free.length) ctx.log.info(t.freeText(free.join(', ')));
}

const isYear = (v: string) => /^\d{4}$/.test(v.trim()) && Number(v) >= 1900 && Number(v) <= 2100;

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
