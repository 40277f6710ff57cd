import type { Lang } from '../model.js';
import { en } from './en.js';
import { sv } from './sv.js';
import type { Strings } from './types.js';

export type { AtWave, Direction, FullSubject, Phrasing, Strings, Subject, Who } from './types.js';

export function strings(lang: Lang): Strings {
  return lang === 'sv' ? sv : en;
}
