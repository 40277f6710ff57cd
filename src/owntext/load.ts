// Reads the municipality's own texts (config `texts`: Markdown files) for one report language.
// The files are named by the config, relative to it. Images named in a text are read only
// from inside the project folder (the config file's folder): relative to the Markdown file as
// every Markdown editor previews them, never through `..` or a symbolic link out of the
// folder, and only PNG or JPEG files (told by their first bytes) of a bounded size.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { localize, textEntry, type ProjectConfig, type TextPlace } from '../config/schema.js';
import { readConfiguredFile } from '../config/files.js';
import { ConfigError, LimitError, msg, type Location, type Message } from '../errors.js';
import { imageMime, jpegSize, pngSize } from '../render/image-size.js';
import { strings } from '../report/i18n/index.js';
import type { Lang, OwnBlock } from '../report/model.js';
import { type ImageData, parseOwnText } from './markdown.js';

/** A text longer than this is not a text for a report (and would slow every format). */
export const MAX_TEXT_BYTES = 512 * 1024;
/** Per image: bytes in the file and pixels when decoded (the PDF decodes a PNG to embed it). */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 25_000_000;

export interface OwnText {
  place: TextPlace;
  /** The Markdown file, as the config names it. */
  file: string;
  /** The language the text is written in. */
  lang: Lang;
  /** A chapter of its own (before:/after:): its title from a leading `# heading`, if any. */
  title: string | null;
  blocks: OwnBlock[];
  /** The municipalities whose reports it is for (`texts.<place>.areas`); undefined: every report. */
  areas?: string[];
}

export interface LoadedOwnTexts {
  texts: OwnText[];
  /** Things done to the texts the user should know ("file:line:column: …"). */
  warnings: Message[];
}

/**
 * The texts for a report in `lang`. A text given as one file is written in the project's
 * language; `{ sv: …, en: … }` gives one per language (a report in a language without its
 * own file uses the Swedish one, marked as Swedish).
 */
export async function loadOwnTexts(config: ProjectConfig, configPath: string, lang: Lang): Promise<LoadedOwnTexts> {
  const projectDir = resolve(dirname(configPath));
  const texts: OwnText[] = [];
  const warnings: Message[] = [];
  for (const [place, entry] of Object.entries(config.texts) as [TextPlace, NonNullable<ProjectConfig['texts'][TextPlace]>][]) {
    const { file: files, areas } = textEntry(entry);
    const file = localize(files, lang);
    const textLang: Lang = typeof files === 'string' ? config.project.language : lang === 'en' && files.en !== undefined ? 'en' : 'sv';
    const path = resolve(projectDir, file);
    const markdown = await readText(path, file, { file: configPath, field: `texts.${place}` });
    const parsed = parseOwnText(markdown.text, {
      file,
      chapter: place.startsWith('before:') || place.startsWith('after:'),
      image: (src, at) => readImage(src, at, dirname(path), projectDir),
    });
    if (markdown.warning) warnings.push(markdown.warning);
    if (parsed.title === null && /^(before|after):/.test(place) && parsed.blocks.length > 0) {
      warnings.push(msg('owntext.noTitle', { file, place, title: strings(lang).own.chapterTitle }));
    }
    warnings.push(...parsed.warnings);
    texts.push({ place, file, lang: textLang, title: parsed.title, blocks: parsed.blocks, ...(areas ? { areas } : {}) });
  }
  return { texts, warnings };
}

async function readText(path: string, file: string, from: Location): Promise<{ text: string; warning?: Message }> {
  const data = await readConfiguredFile(path, from, {
    notFound: msg('owntext.notFound', { file }),
    notFoundHint: msg('owntext.notFound.hint'),
    cannotRead: (cause, code) => msg('owntext.cannotRead', { file, cause, code }),
  });
  if (data.length > MAX_TEXT_BYTES) {
    throw new LimitError(msg('owntext.tooLarge', { kb: Math.round(data.length / 1024), max: MAX_TEXT_BYTES / 1024 }), { file }, msg('owntext.tooLarge.hint'));
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data) };
  } catch {
    // Notepad and older Word save Windows-1252 ("ANSI"): read it as that rather than fail.
    return {
      text: new TextDecoder('windows-1252').decode(data),
      warning: msg('owntext.windows1252', { file }),
    };
  }
}

/** A URL scheme ("https:", "file:", "data:", "C:" counts too: a drive is not in the project). */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Reads an image named in a text, or says (with the text's line and column) why it may not be used. */
export function readImage(src: string, at: Location, textDir: string, projectDir: string): ImageData {
  const hint = msg('owntext.image.hint');
  let name = src.trim();
  if (name === '') throw new ConfigError(msg('owntext.image.noName'), at, hint);
  if (SCHEME.test(name) || name.startsWith('//')) {
    throw new ConfigError(msg('owntext.image.notLocal', { src }), at, hint);
  }
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: the name as written.
  }
  if (isAbsolute(name) || /^[\\/]/.test(name)) throw new ConfigError(msg('owntext.image.absolute', { src }), at, hint);
  const path = resolve(textDir, name);
  if (!inside(projectDir, path)) throw new ConfigError(msg('owntext.image.outside', { src, dir: projectDir }), at, hint);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    throw new ConfigError(msg('owntext.image.notFound', { src, path }), at, msg('owntext.image.notFound.hint'));
  }
  // A link may point anywhere: what it points to must be in the project too.
  const real = realpathSync(path);
  if (!inside(realpathSync(projectDir), real)) throw new ConfigError(msg('owntext.image.linkOutside', { src }), at, hint);
  const target = stat.isSymbolicLink() ? lstatSync(real) : stat;
  if (!target.isFile()) throw new ConfigError(msg('owntext.image.notFile', { src }), at, hint);
  if (target.size > MAX_IMAGE_BYTES) {
    throw new LimitError(msg('owntext.image.tooLarge', { src, mb: (target.size / 1024 / 1024).toFixed(1), max: MAX_IMAGE_BYTES / 1024 / 1024 }), at, msg('owntext.image.smaller.hint'));
  }
  const data = readFileSync(real);
  const mime = imageMime(data);
  if (mime === null) throw new ConfigError(msg('owntext.image.notImage', { src }), at, msg('owntext.image.notImage.hint'));
  let size;
  try {
    size = mime === 'image/png' ? pngSize(data) : jpegSize(data);
  } catch {
    throw new ConfigError(msg('owntext.image.damaged', { src, type: mime === 'image/png' ? 'PNG' : 'JPEG' }), at, msg('owntext.image.damaged.hint'));
  }
  if (size.width === 0 || size.height === 0 || size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new LimitError(msg('owntext.image.tooManyPixels', { src, width: size.width, height: size.height, max: MAX_IMAGE_PIXELS / 1e6 }), at, msg('owntext.image.smaller.hint'));
  }
  return { data, mime, ...size };
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
