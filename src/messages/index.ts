// Messages as data: the core raises typed errors carrying a message id and its parameters
// (msg('row.answer', { … })), and whoever prints them renders them in the user's language
// from one catalogue per language (en.ts, sv.ts). Nothing is translated after the fact.
import { printable } from '../text.js';
import { en, type Catalogue } from './en.js';
import { sv } from './sv.js';

export type Lang = 'sv' | 'en';
export type MessageId = keyof Catalogue;
type ParamsOf<K extends MessageId> = Parameters<Catalogue[K]>[0];

/** A message to render later, in the language of whoever prints it. */
export interface Message<K extends MessageId = MessageId> {
  readonly id: K;
  readonly params: ParamsOf<K>;
}

const CATALOGUES: Record<Lang, Catalogue> = { en, sv };

/** msg('cli.noArea', { area }) — type-checked against the catalogue. */
export function msg<K extends MessageId>(id: K, ...params: ParamsOf<K> extends undefined ? [] : [ParamsOf<K>]): Message<K> {
  return { id, params: params[0] as ParamsOf<K> };
}

/**
 * The message in a language. Every string in its parameters (names, values, paths from the
 * user) goes through the printable filter first, so no message can carry a line break, a
 * terminal escape or a bidi override; parameters that are messages are rendered in the same
 * language.
 */
export function render(m: Message, lang: Lang): string {
  const template = CATALOGUES[lang][m.id] as (p: unknown) => string;
  return template(safe(m.params, lang));
}

export function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && 'id' in v && 'params' in v && typeof (v as { id: unknown }).id === 'string' && (v as { id: string }).id in en;
}

function isLocalized(v: unknown): v is Record<Lang, string> {
  return typeof v === 'object' && v !== null && Object.keys(v).length === 2 && typeof (v as Record<string, unknown>).sv === 'string' && typeof (v as Record<string, unknown>).en === 'string';
}

function safe(v: unknown, lang: Lang): unknown {
  if (typeof v === 'string') return printable(v);
  if (Array.isArray(v)) return v.map((x) => safe(x, lang));
  if (isMessage(v)) return render(v, lang);
  if (isLocalized(v)) return printable(v[lang]);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, safe(x, lang)]));
  return v;
}

/** Every id (for tests that render the whole catalogue). */
export const MESSAGE_IDS = Object.keys(en) as MessageId[];
