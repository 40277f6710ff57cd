// One municipality's report: build the document, render it, and name the files.
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { ReportDocument } from '../report/model.js';
import type { Lang } from '../report/model.js';
import type { ProjectConfig } from '../config/schema.js';
import { ConfigError, ioCause, msg } from '../errors.js';
import { safeFileName } from './outputs.js';

/** The configured logo, read relative to the config file. */
export async function loadLogo(config: ProjectConfig, configPath: string): Promise<ReportDocument['logo']> {
  const logo = config.project.logo;
  if (!logo) return null;
  const path = resolve(dirname(configPath), logo);
  const ext = extname(path).toLowerCase();
  const mime = ext === '.png' ? 'image/png' : ext === '.jpg' || ext === '.jpeg' ? 'image/jpeg' : null;
  if (!mime) throw new ConfigError(msg('config.logoType', { ext }), { file: configPath, field: 'project.logo' });
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const cause = ioCause(err);
    throw new ConfigError(
      cause.code === 'ENOENT' ? msg('config.logoNotFound', { path }) : msg('config.logoCannotRead', { path, cause: cause.text, code: cause.code }),
      { file: configPath, field: 'project.logo' },
      cause.code === 'ENOENT' ? msg('config.logoNotFound.hint') : cause.hint,
    );
  }
  // Check the file's signature, not only its name: renderers fail obscurely on anything else.
  const png = data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
  if ((mime === 'image/png' && !png) || (mime === 'image/jpeg' && !jpeg)) {
    throw new ConfigError(msg('config.logoNotImage', { path, type: mime === 'image/png' ? 'PNG' : 'JPEG' }), { file: configPath, field: 'project.logo' }, msg('config.logoNotImage.hint'));
  }
  return { data, mime };
}

/** `<area>-<first wave>-<last wave>[-pooled][-en]`: deterministic, safe names. */
export function reportBaseName(area: string, years: readonly number[], lang: Lang, pooledWaves = false): string {
  const span = years.length === 0 ? '' : years.length === 1 ? `-${years[0]}` : `-${years[0]}-${years[years.length - 1]}`;
  return `${safeFileName(area)}${span}${pooledWaves ? '-pooled' : ''}${lang === 'en' ? '-en' : ''}`;
}

export function reportPaths(dir: string, base: string, formats: readonly string[]): string[] {
  return formats.map((f) => join(dir, `${base}.${f}`));
}
