// One municipality's report: build the document, render it, and name the files.
import { dirname, extname, join, resolve } from 'node:path';
import type { SurveySums } from '../analysis/accumulate.js';
import type { FiguresMeta } from '../analysis/types.js';
import type { ReportDocument } from '../report/model.js';
import type { Lang } from '../report/model.js';
import type { ProjectConfig, ReportProfile } from '../config/schema.js';
import { readConfiguredFile } from '../config/files.js';
import { ConfigError, msg, type Message } from '../errors.js';
import { safeFileName } from './outputs.js';
import { imageMime } from '../render/image-size.js';

/** The configured logo, read relative to the config file. */
export async function loadLogo(config: ProjectConfig, configPath: string): Promise<ReportDocument['logo']> {
  const logo = config.project.logo;
  if (!logo) return null;
  const path = resolve(dirname(configPath), logo);
  const ext = extname(path).toLowerCase();
  const mime = ext === '.png' ? 'image/png' : ext === '.jpg' || ext === '.jpeg' ? 'image/jpeg' : null;
  if (!mime) throw new ConfigError(msg('config.logoType', { ext }), { file: configPath, field: 'project.logo' });
  const data = await readConfiguredFile(path, { file: configPath, field: 'project.logo' }, {
    notFound: msg('config.logoNotFound', { path }),
    notFoundHint: msg('config.logoNotFound.hint'),
    cannotRead: (cause, code) => msg('config.logoCannotRead', { path, cause, code }),
  });
  // Check the file's signature, not only its name: renderers fail obscurely on anything else.
  if (imageMime(data) !== mime) {
    throw new ConfigError(msg('config.logoNotImage', { path, type: mime === 'image/png' ? 'PNG' : 'JPEG' }), { file: configPath, field: 'project.logo' }, msg('config.logoNotImage.hint'));
  }
  return { data, mime };
}

/**
 * `<area>-<first wave>-<last wave>[-uppfoljning][-pooled][-en]`: deterministic, safe names; a
 * follow-up never takes the baseline report's name.
 */
export function reportBaseName(area: string, years: readonly number[], lang: Lang, pooledWaves = false, profile: ReportProfile = 'lagesbild'): string {
  const span = years.length === 0 ? '' : years.length === 1 ? `-${years[0]}` : `-${years[0]}-${years[years.length - 1]}`;
  return `${safeFileName(area)}${span}${profile === 'uppfoljning' ? '-uppfoljning' : ''}${pooledWaves ? '-pooled' : ''}${lang === 'en' ? '-en' : ''}`;
}

/**
 * The waves of an area's report, for its file name: those in which it has respondents (a
 * municipality that joined the survey in 2024 gets "Söderby-2024", as its cover says, not the
 * county's "2022-2024"). The county and pooled waves span every wave.
 */
export function reportYears(sums: Pick<SurveySums, 'years' | 'allRespondents'>, meta: Pick<FiguresMeta, 'county' | 'pooled'>, area: string): number[] {
  if (meta.pooled.waves || area === meta.county) return sums.years;
  const members = meta.pooled.areas[area] ?? [area];
  return sums.years.filter((y) => sums.allRespondents(members, [y]) > 0);
}

export function reportPaths(dir: string, base: string, formats: readonly string[]): string[] {
  return formats.map((f) => join(dir, `${base}.${f}`));
}

/**
 * What the config adds to a municipality's report from its own files: the logo, the own
 * texts (their warnings logged) and the other sources' tables. Read once, also for a batch.
 */
export async function loadReportExtras(config: ProjectConfig, configPath: string, lang: Lang, warn: (message: Message) => void) {
  const logo = await loadLogo(config, configPath);
  const { loadOwnTexts } = await import('../owntext/load.js');
  const own = await loadOwnTexts(config, configPath, lang);
  for (const w of own.warnings) warn(w);
  const { loadSources } = await import('../sources/load.js');
  return { logo, ownTexts: own.texts, sources: await loadSources(config, configPath) };
}

/** The warning for an own text whose chapter this report does not have. */
export function ownTextLeftOut(file: string, place: string): Message {
  return msg('owntext.leftOut', { file, place });
}
