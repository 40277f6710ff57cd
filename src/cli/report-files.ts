// One municipality's report: build the document, render it, and name the files.
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { ReportDocument } from '../report/model.js';
import type { Lang } from '../report/model.js';
import type { ProjectConfig } from '../config/schema.js';
import { ConfigError, ioCause } from '../errors.js';
import { safeFileName } from './outputs.js';

/** The configured logo, read relative to the config file. */
export async function loadLogo(config: ProjectConfig, configPath: string): Promise<ReportDocument['logo']> {
  const logo = config.project.logo;
  if (!logo) return null;
  const path = resolve(dirname(configPath), logo);
  const ext = extname(path).toLowerCase();
  const mime = ext === '.png' ? 'image/png' : ext === '.jpg' || ext === '.jpeg' ? 'image/jpeg' : null;
  if (!mime) throw new ConfigError(`the logo must be a PNG or JPEG file, not "${ext || 'no extension'}"`, { file: configPath, field: 'project.logo' });
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const cause = ioCause(err);
    throw new ConfigError(
      cause.code === 'ENOENT' ? `logo file not found: ${path}` : `cannot read the logo ${path}: ${cause.text} (${cause.code})`,
      { file: configPath, field: 'project.logo' },
      cause.code === 'ENOENT' ? 'The path is relative to the config file' : cause.hint,
    );
  }
  // Check the file's signature, not only its name: renderers fail obscurely on anything else.
  const png = data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
  if ((mime === 'image/png' && !png) || (mime === 'image/jpeg' && !jpeg)) {
    throw new ConfigError(`the logo ${path} is not a ${mime === 'image/png' ? 'PNG' : 'JPEG'} image`, { file: configPath, field: 'project.logo' }, 'Export the logo again as PNG or JPEG');
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
