// The matcher's reasons in words, for the wizard (Swedish or English) and for the comments
// init writes into lagesbild.yaml (Swedish, like the rest of the file).
import type { Level, Reason } from './match.js';
import type { Act, FollowUp, Party, Place, Role, Subject, TimeFrame, TrustIn } from './meaning.js';

export type ExplainLang = 'sv' | 'en';

const LIST_AND = { sv: 'och', en: 'and' };
function list(items: string[], lang: ExplainLang): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${LIST_AND[lang]} ${items[items.length - 1]}`;
}

const SUBJECT: Record<ExplainLang, Record<Subject, string>> = {
  sv: {
    violence: 'våld',
    attitude: 'attityd till våld',
    safety: 'trygghet',
    trust: 'förtroende',
    'adult-support': 'en vuxen att prata med',
    'violent-peers': 'vänner som slåss eller hotar',
    'school-response': 'att vuxna i skolan ingriper',
    honour: 'hedersrelaterade begränsningar',
    drunk: 'att ha druckit sig berusad',
    alcohol: 'alkohol',
    drugs: 'narkotika',
    disclosure: 'att berätta om eller anmäla våld',
    'follow-up': 'en följdfråga om våld eleven utsatts för',
    'partner-status': 'att ha en partner (en filterfråga)',
  },
  en: {
    violence: 'violence',
    attitude: 'attitude to violence',
    safety: 'feeling safe',
    trust: 'trust',
    'adult-support': 'an adult to talk to',
    'violent-peers': 'friends who fight or threaten',
    'school-response': 'adults at school stepping in',
    honour: 'honour-related restrictions',
    drunk: 'having been drunk',
    alcohol: 'alcohol',
    drugs: 'drugs',
    disclosure: 'telling someone about or reporting violence',
    'follow-up': 'a follow-up question on violence the pupil was subjected to',
    'partner-status': 'having a partner (a filter question)',
  },
};
const ROLE: Record<ExplainLang, Record<Role, string>> = {
  sv: { victim: 'utsatthet', perpetrator: 'eget våldsutövande', witness: 'bevittnat' },
  en: { victim: 'being subjected to it', perpetrator: 'using it', witness: 'witnessing it' },
};
const ACT: Record<ExplainLang, Record<Act, string>> = {
  sv: {
    physical: 'fysiskt våld',
    threat: 'hot',
    sexual: 'sexuellt våld',
    harassment: 'sexuella trakasserier',
    abuse: 'kränkningar',
    images: 'bilder',
    control: 'kontroll',
    robbery: 'rån eller stöld',
    bullying: 'mobbning',
  },
  en: {
    physical: 'physical violence',
    threat: 'threats',
    sexual: 'sexual violence',
    harassment: 'sexual harassment',
    abuse: 'abuse',
    images: 'images',
    control: 'control',
    robbery: 'robbery or theft',
    bullying: 'bullying',
  },
};
const PARTY: Record<ExplainLang, Record<Party, string>> = {
  sv: { partner: 'av en partner', family: 'i familjen' },
  en: { partner: 'by a partner', family: 'in the family' },
};
const PLACE: Record<ExplainLang, Record<Place, string>> = {
  sv: { school: 'i skolan', neighbourhood: 'där eleven bor', centre: 'i centrum' },
  en: { school: 'at school', neighbourhood: 'where the pupil lives', centre: 'in the town centre' },
};
/** A place as the object of "gäller" ("frågan gäller skolan"). */
const PLACE_NOUN: Record<ExplainLang, Record<Place, string>> = {
  sv: { school: 'skolan', neighbourhood: 'området där eleven bor', centre: 'centrum' },
  en: { school: 'school', neighbourhood: 'the area where the pupil lives', centre: 'the town centre' },
};
export const TIME: Record<ExplainLang, Record<TimeFrame, string>> = {
  sv: { '12m': 'senaste 12 månaderna', '6m': 'senaste 6 månaderna', '30d': 'senaste 30 dagarna', 'school-year': 'det här läsåret', now: 'i dag', ever: 'någon gång' },
  en: { '12m': 'past 12 months', '6m': 'past 6 months', '30d': 'past 30 days', 'school-year': 'this school year', now: 'currently', ever: 'ever' },
};
const TRUST: Record<ExplainLang, Record<TrustIn, string>> = {
  sv: { police: 'polisen', 'social-services': 'socialtjänsten', school: 'skolan', other: 'någon annan' },
  en: { police: 'the police', 'social-services': 'social services', school: 'the school', other: 'someone else' },
};

const FOLLOW_UP: Record<ExplainLang, Record<FollowUp, string>> = {
  sv: {
    'place-school': 'det hände i skolan',
    'place-online': 'det hände på nätet',
    'place-home': 'det hände hemma',
    'place-outdoors': 'det hände ute',
    avoided: 'eleven har undvikit platser eller personer',
    'stayed-home': 'eleven har stannat hemma från skolan',
    'told-adult': 'eleven har berättat för en vuxen',
    police: 'det har anmälts till polisen',
  },
  en: {
    'place-school': 'it happened at school',
    'place-online': 'it happened online',
    'place-home': 'it happened at home',
    'place-outdoors': 'it happened outdoors',
    avoided: 'the pupil has avoided places or people',
    'stayed-home': 'the pupil has stayed home from school',
    'told-adult': 'the pupil has told an adult',
    police: 'it was reported to the police',
  },
};

const acts = (xs: Act[], lang: ExplainLang) => list(xs.map((a) => ACT[lang][a]), lang);

/** One reason as a short phrase. */
export function reasonText(r: Reason, lang: ExplainLang): string {
  const sv = lang === 'sv';
  switch (r.code) {
    case 'subject':
      return r.role === null ? SUBJECT[lang][r.subject] : `${SUBJECT[lang][r.subject]}: ${ROLE[lang][r.role]}`;
    case 'acts':
      return acts(r.acts, lang);
    case 'party':
      return PARTY[lang][r.party];
    case 'online':
      return sv ? 'på nätet' : 'online';
    case 'place':
      return PLACE[lang][r.place];
    case 'time':
      return TIME[lang][r.time];
    case 'trust':
      return sv ? `förtroende för ${TRUST.sv[r.trustIn]}` : `trust in ${TRUST.en[r.trustIn]}`;
    case 'role-assumed':
      return sv ? 'kolumnnamnet säger inte om eleven utsatts eller själv utövat (läses som utsatthet)' : 'the column name does not say whether the pupil was subjected to it or did it (read as subjected)';
    case 'role-unknown':
      return sv ? 'det går inte att se om frågan gäller utsatthet eller eget våld' : 'it cannot be told whether the question is about being subjected to violence or using it';
    case 'time-differs':
      return sv ? `tidsperioden är ${TIME.sv[r.data]} (mallen: ${TIME.sv[r.template]}); texten i rapporten följer er fråga` : `the time frame is ${TIME.en[r.data]} (template: ${TIME.en[r.template]}); the report's text follows your question`;
    case 'time-missing':
      return sv ? `frågan anger ingen tidsperiod (mallen: ${TIME.sv[r.template]})` : `the question gives no time frame (template: ${TIME.en[r.template]})`;
    case 'acts-broader':
      return sv ? `frågan gäller också ${acts(r.extra, lang)}` : `the question also covers ${acts(r.extra, lang)}`;
    case 'acts-narrower':
      return sv ? `frågan gäller inte ${acts(r.missing, lang)}, som mallens fråga tar med` : `the question leaves out ${acts(r.missing, lang)}, which the template's question includes`;
    case 'party-narrower':
      return sv ? `frågan gäller bara våld ${PARTY.sv[r.party]}` : `the question is only about violence ${PARTY.en[r.party]}`;
    case 'place-narrower':
      return sv ? `frågan gäller bara ${PLACE_NOUN.sv[r.place]}` : `the question is only about ${PLACE_NOUN.en[r.place]}`;
    case 'place-missing':
      return sv ? `frågan säger inte var (mallen: ${PLACE_NOUN.sv[r.place]})` : `the question does not say where (template: ${PLACE_NOUN.en[r.place]})`;
    case 'evening-missing':
      return sv ? 'frågan gäller inte särskilt ute på kvällen' : 'the question is not specifically about being out in the evening';
    case 'evening-extra':
      return sv ? 'frågan gäller bara ute på kvällen' : 'the question is only about being out in the evening';
    case 'inverted':
      return r.polarity === 'safe'
        ? sv
          ? 'frågan gäller trygghet, indikatorn otrygghet: svaren vänds (de som inte är trygga räknas)'
          : 'the question asks about feeling safe, the indicator about feeling unsafe: the answers are turned round'
        : sv
          ? 'frågan gäller otrygghet, indikatorn trygghet: svaren vänds'
          : 'the question asks about feeling unsafe, the indicator about feeling safe: the answers are turned round';
    case 'ambiguous':
      return sv ? `${r.other} passar lika bra` : `${r.other} fits as well`;
    case 'not-named': {
      const what =
        r.what === 'party' ? PARTY[lang][r.party!] : r.what === 'place' ? PLACE[lang][r.place!] : r.what === 'online' ? (sv ? 'på nätet' : 'online') : r.what === 'evening' ? (sv ? 'ute på kvällen' : 'out in the evening') : sv ? 'vilket slags våld' : 'which kind of violence';
      return sv ? `kolumnnamnet säger inte ${what}` : `the column name does not say ${what}`;
    }
    case 'subject-differs':
      return sv
        ? `frågan gäller ${r.data === null ? 'något annat' : SUBJECT.sv[r.data]}, indikatorn ${r.template === null ? 'något annat' : SUBJECT.sv[r.template]}`
        : `the question is about ${r.data === null ? 'something else' : SUBJECT.en[r.data]}, the indicator about ${r.template === null ? 'something else' : SUBJECT.en[r.template]}`;
    case 'role-differs':
      return sv ? `frågan gäller ${ROLE.sv[r.data]}, indikatorn ${ROLE.sv[r.template]}` : `the question is about ${ROLE.en[r.data]}, the indicator about ${ROLE.en[r.template]}`;
    case 'acts-differ':
      return sv ? `frågan gäller ${acts(r.data, lang) || 'annat'}, indikatorn ${acts(r.template, lang)}` : `the question is about ${acts(r.data, lang) || 'something else'}, the indicator about ${acts(r.template, lang)}`;
    case 'party-differs': {
      const party = (p: Party | null) => (p === null ? (sv ? 'av vem som helst' : 'by anyone') : PARTY[lang][p]);
      return sv ? `frågan gäller våld ${party(r.data)}, indikatorn våld ${party(r.template)}` : `the question is about violence ${party(r.data)}, the indicator about violence ${party(r.template)}`;
    }
    case 'online-differs':
      return r.data ? (sv ? 'frågan gäller nätet, indikatorn inte' : 'the question is about the internet, the indicator is not') : sv ? 'indikatorn gäller nätet, frågan inte' : 'the indicator is about the internet, the question is not';
    case 'place-differs':
      return sv ? `frågan gäller ${PLACE_NOUN.sv[r.data]}, indikatorn ${PLACE_NOUN.sv[r.template]}` : `the question is about ${PLACE_NOUN.en[r.data]}, the indicator about ${PLACE_NOUN.en[r.template]}`;
    case 'self-defence':
      return sv ? 'frågan gäller självförsvar, inte att acceptera våld' : 'the question is about self-defence, not about accepting violence';
    case 'trust-differs':
      return sv ? 'förtroende för någon annan' : 'trust in someone else';
    case 'follow-up':
      return FOLLOW_UP[lang][r.followUp];
    case 'follow-up-unknown':
      return sv ? 'det går inte att se vad följdfrågan gäller' : 'it cannot be told what the follow-up question asks';
    case 'follows-which':
      return sv
        ? 'en följdfråga: vilken fråga den följer syns inte i filen, och mallen räknar den bland dem som utsatts för någon form av våld'
        : 'a follow-up: which question it follows is not in the file, and the template counts it among those subjected to any form of violence';
    case 'follow-up-differs':
      return sv ? `frågan gäller att ${FOLLOW_UP.sv[r.data]}, indikatorn att ${FOLLOW_UP.sv[r.template]}` : `the question is about whether ${FOLLOW_UP.en[r.data]}, the indicator whether ${FOLLOW_UP.en[r.template]}`;
  }
}

/** "säker: våld: utsatthet · fysiskt våld · senaste 12 månaderna" / "osäker: …". */
export function matchSummary(level: Level | null, reasons: Reason[], doubts: Reason[], lang: ExplainLang): string {
  const head = level === 'clear' ? (lang === 'sv' ? 'säker' : 'clear') : level === 'possible' ? (lang === 'sv' ? 'osäker' : 'unsure') : lang === 'sv' ? 'passar inte' : 'does not fit';
  const found = reasons.map((r) => reasonText(r, lang)).join(' · ');
  const why = doubts.map((r) => reasonText(r, lang)).join('; ');
  return `${head}${found ? `: ${found}` : ''}${why ? ` (${why})` : ''}`;
}
