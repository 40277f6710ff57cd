// What a survey question is about, read from its Swedish text: the question as the pupils read
// it (a long header, or the label of an SPSS variable), or, lacking one, the column's name
// (F10_slagen). Swedish school surveys (Skolenkäten, Stockholmsenkäten, LUPP, Ung och trygg,
// Liv och hälsa ung, regional drug and violence surveys, Brå's skolundersökning om brott) ask
// about the same few things in recognisable ways; this module reads those ways:
//
//   - who does what to whom: "Har någon slagit dig", "blivit slagen", "utsatt för" (the pupil
//     is the victim), "Har du själv slagit någon" (the pupil did it), "sett eller hört att en
//     vuxen i din familj slagit din mamma" (the pupil witnessed it); by a partner or by family;
//   - which acts: physical violence, threats, sexual violence, sexual harassment, abuse and
//     exposure, sexual images, control, robbery, bullying;
//   - where: school, the neighbourhood, the town centre; on the internet; late in the evening;
//   - when: the past 12 months, this school year, ever, now;
//   - what followed violence the pupil was subjected to: where it happened, what it led to
//     (avoiding places or people, staying home from school), whom the pupil told (an adult,
//     the police) — follow-up questions ("Var hände det?", "Har det som hände …");
//   - what else a question can be about: feeling safe or unsafe (and which of the two it asks),
//     accepting violence ("det är okej att slåss …", not self-defence), trust in the police or
//     social services, an adult to talk to, friends who fight, adults at school stepping in,
//     honour-related restrictions, being drunk, having a partner (a filter question).
//
// Matching works on this reading, never on the wording alone: the template's own questions are
// read the same way (src/init/match.ts compares the two readings).

export type Subject =
  | 'violence'
  | 'attitude'
  | 'safety'
  | 'trust'
  | 'adult-support'
  | 'violent-peers'
  | 'school-response'
  | 'honour'
  | 'drunk'
  | 'alcohol'
  | 'drugs'
  | 'disclosure'
  | 'follow-up'
  | 'partner-status';

/** The pupil's part in the violence a question asks about. */
export type Role = 'victim' | 'perpetrator' | 'witness';
export const ACTS = ['physical', 'threat', 'sexual', 'harassment', 'abuse', 'images', 'control', 'robbery', 'bullying'] as const;
export type Act = (typeof ACTS)[number];
export type Place = 'school' | 'neighbourhood' | 'centre';
export type TimeFrame = '12m' | '6m' | '30d' | 'school-year' | 'now' | 'ever';
/** The other party: who did it to the pupil (or whom the pupil did it to). */
export type Party = 'partner' | 'family';
export type TrustIn = 'police' | 'social-services' | 'school' | 'other';
/**
 * What a follow-up question asks about the violence the pupil was subjected to: where it
 * happened, what it led to, whom the pupil told (subjects 'follow-up' and 'disclosure').
 */
export type FollowUp = 'place-school' | 'place-online' | 'place-home' | 'place-outdoors' | 'avoided' | 'stayed-home' | 'told-adult' | 'police';

export interface QuestionMeaning {
  /** The text that was read. */
  text: string;
  /** Only a column name or a short label was there, not the question as asked. */
  nameOnly: boolean;
  subject: Subject | null;
  role: Role | null;
  /** The role was not said (a column name such as F16b_partner_vald) and is read as victim. */
  roleAssumed: boolean;
  acts: Set<Act>;
  online: boolean;
  party: Party | null;
  place: Place | null;
  evening: boolean;
  /** Safety questions: which of the two is asked ("trygg" or "otrygg"). */
  polarity: 'safe' | 'unsafe' | null;
  time: TimeFrame | null;
  /** An attitude question about defending oneself ("om man blir attackerad"). */
  selfDefence: boolean;
  trustIn: TrustIn | null;
  /** Follow-up questions and disclosure: which one (null when the text does not say). */
  followUp: FollowUp | null;
}

/** Lower case, å ä ö to a o, anything but letters and digits to single spaces, padded. */
export function plain(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${s} `;
}

/** A question as asked has a question mark, a colon (a statement to agree with) or several words. */
export function isQuestionText(text: string): boolean {
  const t = text.trim();
  return /[?:]/.test(t) || t.split(/\s+/).length >= 5;
}

/** Column names abbreviate; these are the abbreviations Swedish survey exports use. */
const ABBREVIATIONS: Record<string, string> = {
  nat: 'natet',
  ok: 'okej',
  soc: 'socialtjansten',
  sex: 'sexuell',
  trak: 'trakasserier',
  pol: 'polisen',
  fort: 'fortroende',
  kvall: 'kvallen',
};

/** A column name as words: without its question number (F10_, Q3a., V12 ) and with abbreviations spelled out. */
function nameAsWords(name: string): string {
  const words = plain(name.replace(/^\s*[A-Za-z]{0,3}\d+[a-z]?(?=[\s_.\-:]|$)/, ''))
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  return ` ${words.map((w) => ABBREVIATIONS[w] ?? w).join(' ')} `;
}

const has = (t: string, re: RegExp) => re.test(t);

// ── Acts ────────────────────────────────────────────────────────────────────────────────────
const ROBBERY = /\b(ranad\w*|ran|ranat|ranats|rana|stulit|stol|stold\w*|tagit nagot fran dig|tvingat dig att ge)\b/;
const BULLYING = /\b(mobba\w*|mobbning\w*|utfrys\w*|fryst ut|frysts ut)\b/;
const IMAGES = /\b(nakenbild\w*|nakna bilder|sexuella bilder|bilder|bild|filmer|film|nakenfilm\w*)\b/;
/** "Tafsat", and touching in words: "tagit på dig sexuellt", "rört vid dig på ett sexuellt sätt". */
const HARASSMENT =
  /\b(tafsa\w*|sexuella kommentarer|sexuell\w* trakasser\w*|narmat sig dig sexuellt|sexuella anspelningar|blotta\w*|sexuella forslag|(tagit|tog|ror\w*|rort|klamt\w*) (pa|vid) dig( \w+){0,4}? sexuell\w*( satt)?|sexuell\w* beroring\w*)\b/g;
const SEXUAL = /\b(sexuell\w* handling\w*|ha sex|nagot sexuellt|sexuell\w* overgrepp|valdtag\w*|valdtakt\w*|sexuellt vald|tvang|tvingad\w* till sex|sex mot din vilja|sexuell tvang)\b/;
const THREAT = /\b(hot|hotat|hotad|hotade|hotats|hota|hotar|hotfull\w*|hotelse\w*)\b/;
/** "hotat att skada dig", "hotat dig med kniv": the words after "hotat" say what was threatened, not a second act. */
const THREAT_OBJECT = /\b(hota\w*) (dig |nagon |andra )?(med att|att|med) \w+( \w+)?/g;
const PHYSICAL = /\b(slagit|slagen|slog|slogs|sla|slar|slag|slass|slagsmal\w*|sparka\w*|knuffa\w*|misshand\w*|fysiskt|stryk|orfil\w*|skadat|skadad|skada dig|strypt\w*|anvant vald|utsatt for vald|utovat vald)\b/;
/** "våld" on its own is physical violence, unless another kind is named with it. */
const BARE_VIOLENCE = /(?<!sexuellt |psykiskt |digitalt |sexuell |psykisk )\bvald\b/;
const CONTROL = /\b(kontroll\w*|kolla\w* .{0,40}mobil\w*|gatt igenom .{0,20}mobil\w*|las\w* .{0,20}(sms|meddelanden)|bestam\w* (vem|vilka|vad|hur|var) du|forbj\w*|svartsjuk\w*)\b/;
const ABUSE = /\b(krankt\w*|krank\w*|krankning\w*|hangt ut|hangde ut|hanga ut|uthang\w*|trakasser\w*|elaka kommentarer|forned\w*|spritt rykten|ryktesspridning)\b/;

function actsOf(t: string): Set<Act> {
  const acts = new Set<Act>();
  if (has(t, ROBBERY)) {
    // Threats or violence in a robbery question are its means, not separate acts.
    acts.add('robbery');
    return acts;
  }
  if (has(t, BULLYING)) acts.add('bullying');
  if (has(t, IMAGES)) acts.add('images');
  const noHarassment = t.replace(HARASSMENT, () => {
    acts.add('harassment');
    return ' ';
  });
  if (has(noHarassment, SEXUAL)) acts.add('sexual');
  if (has(t, THREAT)) acts.add('threat');
  const noThreatObject = t.replace(THREAT_OBJECT, '$1');
  if (has(noThreatObject, PHYSICAL) || has(noThreatObject, BARE_VIOLENCE)) acts.add('physical');
  if (has(t, CONTROL)) acts.add('control');
  if (has(noHarassment, ABUSE)) acts.add('abuse');
  return acts;
}

// ── Parties, places, time ───────────────────────────────────────────────────────────────────
const PARTNER = /\b(pojkvan\w*|flickvan\w*|partner\w*|karlekspartner|pojk eller flickvan|den du (ar|var|har varit) tillsammans med|(ar|varit) du tillsammans med|tillsammans med nagon|varit tillsammans|karleksrelation\w*|i en relation|din kille|din tjej)\b/;
const FAMILY = /\b(foralder|foraldrar|foraldern|mamma|pappa|styvmamma|styvpappa|styvforalder|vuxen i (din )?familj\w*|vuxna i (din )?familj\w*|nagon i (din )?familj\w*|familjemedlem\w*|din familj|familjen|syskon|hemma|i hemmet)\b/;
const SCHOOL = /\b(skola|skolan|skolor|skolgard\w*|pa rasten|i klassen|klassrum\w*)\b/;
const NEIGHBOURHOOD = /\b(omradet|omrade|bostadsomrade\w*|dar du bor|dar jag bor|ditt omrade|grannskap\w*|kvarter\w*)\b/;
const CENTRE = /\b(centrum|stan|stadskarnan|innerstaden|city|torget)\b/;
/** Out in the evening: "ute" is outdoors, which safety questions ask about for the evening. */
const EVENING = /\b(kvall\w*|sent|morkt|natt\w*|ute)\b/;
const ONLINE = /\b(internet|natet|sociala medier|online|digital\w*|chatt\w*|snapchat|instagram|tiktok|(via|pa|genom) (sms|mobil\w*|telefon\w*))\b/;

const TIMES: [TimeFrame, RegExp][] = [
  ['12m', /\b(senaste|sista) (12|tolv) manad\w*|\b(det )?senaste aret\b|\baret som gatt\b|\bsenaste 12 man\b/],
  ['6m', /\b(senaste|sista) (6|sex) manad\w*/],
  ['30d', /\b(senaste|sista) (30|trettio) dag\w*|\bsenaste manaden\b|\bsenaste (4|fyra) veckorna\b/],
  ['school-year', /\b(detta|det har|denna|i ar|under) (lasar\w*|termin\w*)|\blasaret\b|\bterminen\b/],
  ['now', /\b(i dag|idag|just nu|for narvarande|numera)\b/],
  ['ever', /\b(nagon gang|nagonsin|i ditt liv)\b/],
];

function timeOf(t: string): TimeFrame | null {
  return TIMES.find(([, re]) => re.test(t))?.[0] ?? null;
}

function placeOf(t: string): Place | null {
  if (has(t, SCHOOL)) return 'school';
  if (has(t, CENTRE)) return 'centre';
  if (has(t, NEIGHBOURHOOD)) return 'neighbourhood';
  return null;
}

// ── Subjects ────────────────────────────────────────────────────────────────────────────────
const ACCEPTING = /\b(okej att|ok att|okay att|acceptabelt att|accepterar|accepterat|ratt att|forsvarbart att|forstaeligt att|tillatet att|nodvandigt att|okej|ok)\b/;
/** The condition of an attitude statement ("… om någon har förolämpat en"): not what is accepted. */
const CONDITION = /\b(om|nar|for att|eftersom|ifall)\b.*$/;
/** Defending oneself or hitting back: not the same as accepting violence. */
const SELF_DEFENCE = /\b(forsvara (sig|dig|mig|en)|sjalvforsvar\w*|blir attackerad|attackerad|angripen|ger sig pa (en|dig|mig)|slar (jag |man )?tillbaka|slar tillbaka|ger (jag |man )?igen)\b/;
/** A statement to agree with ("Hur väl stämmer påståendet: …"): an opinion, not an event. */
const STATEMENT_FORMAT = /\b(hur val stammer|stammer foljande|pastaende\w*|instammer|hall med)\b/;
const TRUST = /\b(fortroende|lita pa|litar pa)\b/;
const SCHOOL_RESPONSE = /\b(ingrip\w*|reagerar|reagera|gor nagot at|tar tag i)\b/;
const ADULT = /\bvuxna?\b|\bvuxen\w*\b/;
const TALK = /\b(prata|vanda dig|vander dig|beratta|anfortro|stod|stotta|hjalp)\b/;
const SAFETY = /\b(trygg\w*|otrygg\w*|radd att (ga ut|vara ute|rora sig)|orolig\w* for att (bli|utsattas))\b/;
const UNSAFE = /\b(otrygg\w*|radd|orolig\w*)\b/;
const PEERS = /\b(vanner|kompisar|kamrater|kompis|kamrat|van)\b/;
/** Honour named as such; the family's restrictions on whom one sees or marries count only with the family as the party. */
const HONOUR = /\b(familjens (rykte|heder)|heder\w*|oskuld\w*)\b/;
const RESTRICT = /\b(begrans\w*|gifta (dig|sig)|vem du far (vara tillsammans|umgas|gifta|traffa))\b/;
const DRUNK = /\b(berusad\w*|full|fylla|druckit dig|druckit sa mycket)\b/;
const ALCOHOL = /\b(alkohol\w*|dricker|druckit|sprit|ol|vin|cider)\b/;
/** Telling someone or reporting it: about the violence, but not whether it happened. */
const DISCLOSURE = /\b(berattat|berattade|berattar|anmalt|anmalts|anmaldes|anmalde|anmala|polisanmal\w*|sokt hjalp|pratat med nagon|sagt till nagon)\b/;
/** To whom: the police, or an adult (a parent, a teacher, the school's staff). */
const TOLD_POLICE = /\bpolis\w*/;
const TOLD_ADULT = /\b(vuxen|vuxna|foralder|foraldrar|mamma|pappa|larare|kurator\w*|skolskoterska\w*|skolkurator\w*|personal)\b/;
/**
 * A follow-up question: "Var hände det?" (a column name: "plats"), or what "det som hände"
 * led to. Its places are those of the template's options: school (or on the way), the
 * internet, home (one's own or someone else's), outdoors or another public place.
 */
const WHERE_IT_HAPPENED = /\b(var hande det|var hande detta|var skedde det|var var du nar det hande)\b/;
const WHAT_HAPPENED = /\b(det som hande|detta som hande|det har som hande|hande dig)\b/;
const HOME = /\b(hemma|hos mig|i hemmet|hemmet|i mitt hem|hos nagon annan)\b/;
const OUTDOORS = /\b(ute|utomhus|allman plats|allmanna platser|gatan|park\w*|bussen|kollektivtrafik\w*|centrum)\b/;
const AVOIDED = /\bundvik\w*/;
const STAYED_HOME = /\b(stann\w* hemma|borta fran skolan|skolkat|franvar\w*)\b/;
const DRUGS = /\b(narkotika|cannabis|hasch|marijuana|knark|droger|narkotikaklassade)\b/;

/** Where a "where did it happen" question (or a column name with "plats") says it happened, or null when it does not say. */
function placeItHappened(t: string): FollowUp | null {
  if (has(t, SCHOOL)) return 'place-school';
  if (has(t, ONLINE)) return 'place-online';
  if (has(t, HOME)) return 'place-home';
  if (has(t, OUTDOORS)) return 'place-outdoors';
  return null;
}

// ── Roles ───────────────────────────────────────────────────────────────────────────────────
const WITNESS = /\b(sett|hort|bevittna\w*|varit med om att|sag|horde|sett eller hort)\b/;
/** The pupil as the object: "slagit dig", "mot dig", "på dig". */
const YOU_AS_OBJECT = /\b(dig|din vilja)\b/;
const PERPETRATOR_MARK = /\b(sjalv|sjalva|utovat|utovare|du har (slagit|hotat|sparkat))\b/;
const DONE_BY_YOU = /\bhar du (\w+ ){0,10}?(slagit|sparkat|hotat|knuffat|misshandlat|krankt|tvingat|anvant|tafsat|spridit|hangt ut|trakasserat|stulit|ranat|skickat|kontrollerat|mobbat)\b/;
const SOMEONE_ELSE = /\b(nagon|andra|annan|nagon annan|en person|andra elever|din partner|din pojkvan|din flickvan)\b/;
const VICTIM_MARK = /\b(blivit|utsatt\w*|drabbad\w*|slagen|sparkad|hotad|misshandlad|ranad|mobbad|tafsad|trakasserad|pressad|tvingad)\b/;
/** In a column name "kränkt" is the participle (F14_nat_krankt); in a question it may be "har … kränkt någon". */
const VICTIM_MARK_NAME = /\b(krankt|nat krankt|natkrankt)\b/;

/** A column name's word for a role without an act ("F21_utovat_nat", "F17_bevittnat"). */
const ROLE_WORD = /\b(utovat|utovare|bevittnat|bevittna|utsatt|utsatthet)\b/;

/** "Har någon …", "Har din pojkvän …": someone else does it, and a question put to the pupil is about the pupil. */
const SOMEONE_DID = /^ (har|hander det att|brukar|har det hant att) (nagon|en|din|ditt|dina|andra|nagra|elever|vuxna|era)\b/;

function roleOf(t: string, nameOnly: boolean): { role: Role | null; assumed: boolean } {
  const victimObject = has(t, YOU_AS_OBJECT) || has(t, SOMEONE_DID);
  if (has(t, WITNESS) && !victimObject) return { role: 'witness', assumed: false };
  const perpetrator = has(t, PERPETRATOR_MARK) || (has(t, DONE_BY_YOU) && has(t, SOMEONE_ELSE) && !victimObject);
  const victim = victimObject || has(t, VICTIM_MARK) || (nameOnly && has(t, VICTIM_MARK_NAME));
  // "Har du själv blivit slagen eller slagit någon?": both; the question cannot be read as either.
  if (perpetrator && victim) return { role: null, assumed: false };
  if (perpetrator) return { role: 'perpetrator', assumed: false };
  if (victim) return { role: 'victim', assumed: false };
  // Column names mark perpetration (utovat, själv) and leave being subjected to it unmarked.
  return nameOnly ? { role: 'victim', assumed: true } : { role: null, assumed: false };
}

/** Read one question (or column name). */
export function readQuestion(text: string): QuestionMeaning {
  const nameOnly = !isQuestionText(text);
  const t = nameOnly ? nameAsWords(text) : plain(text);
  const out: QuestionMeaning = {
    text,
    nameOnly,
    subject: null,
    role: null,
    roleAssumed: false,
    acts: new Set(),
    online: has(t, ONLINE),
    party: has(t, PARTNER) ? 'partner' : has(t, FAMILY) ? 'family' : null,
    place: placeOf(t),
    evening: has(t, EVENING),
    polarity: null,
    time: nameOnly ? null : timeOf(t),
    selfDefence: false,
    trustIn: null,
    followUp: null,
  };
  const acts = actsOf(t);

  const attitude = () => {
    out.subject = 'attitude';
    // What is accepted is what comes before the condition ("okej att slåss | om någon …").
    out.acts = actsOf(t.replace(CONDITION, ' '));
    if (out.acts.size === 0) out.acts = acts;
    out.selfDefence = has(t, SELF_DEFENCE);
  };
  if (has(t, ACCEPTING) && (acts.size > 0 || has(t, /\bslass\b/))) {
    attitude();
  } else if (has(t, TRUST)) {
    out.subject = 'trust';
    out.trustIn = has(t, /\bpolis\w*/) ? 'police' : has(t, /\b(socialtjanst\w*|soc|socialen)\b/) ? 'social-services' : has(t, SCHOOL) || has(t, /\blarare\b/) ? 'school' : 'other';
  } else if (has(t, SCHOOL_RESPONSE) && (has(t, SCHOOL) || has(t, ADULT) || has(t, /\blarare\b/))) {
    out.subject = 'school-response';
  } else if (has(t, ADULT) && has(t, TALK) && acts.size === 0) {
    out.subject = 'adult-support';
  } else if (has(t, SAFETY)) {
    out.subject = 'safety';
    out.polarity = has(t, UNSAFE) ? 'unsafe' : 'safe';
  } else if (has(t, PEERS) && acts.size > 0 && !has(t, YOU_AS_OBJECT)) {
    out.subject = 'violent-peers';
    out.acts = acts;
  } else if (has(t, STATEMENT_FORMAT) && acts.size > 0) {
    // A statement about violence to agree with ("Om någon slår mig så slår jag tillbaka"): an opinion, not an event.
    attitude();
  } else if (has(t, HONOUR) || (has(t, RESTRICT) && out.party === 'family')) {
    out.subject = 'honour';
  } else if (has(t, WHERE_IT_HAPPENED) || (nameOnly && has(t, /\bplats\b/))) {
    out.subject = 'follow-up';
    out.followUp = placeItHappened(t);
  } else if ((has(t, WHAT_HAPPENED) || nameOnly) && (has(t, AVOIDED) || has(t, STAYED_HOME))) {
    out.subject = 'follow-up';
    out.followUp = has(t, AVOIDED) ? 'avoided' : 'stayed-home';
  } else if (has(t, DISCLOSURE)) {
    out.subject = 'disclosure';
    out.followUp = has(t, TOLD_POLICE) ? 'police' : has(t, TOLD_ADULT) ? 'told-adult' : null;
  } else if (has(t, DRUNK)) {
    out.subject = 'drunk';
  } else if (has(t, DRUGS)) {
    out.subject = 'drugs';
  } else if (has(t, ALCOHOL)) {
    out.subject = 'alcohol';
  } else if (acts.size > 0 || (nameOnly && has(t, ROLE_WORD))) {
    // A name with a role but no act ("utovat_nat") names violence of an unknown kind.
    out.subject = 'violence';
    out.acts = acts;
    const { role, assumed } = roleOf(t, nameOnly);
    out.role = role;
    out.roleAssumed = assumed;
  } else if (out.party === 'partner') {
    out.subject = 'partner-status';
  }
  return out;
}
