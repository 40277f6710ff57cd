// Whether a column's question can feed a standard indicator: the template's question and the
// column's question, both read by src/init/meaning.ts, compared feature by feature. A feature
// that differs in kind (being subjected to violence vs using it, school vs neighbourhood, a
// partner vs anyone, the internet vs not, self-defence vs accepting violence, a filter question
// vs an outcome) rules the column out; one that makes the column narrower, broader or otherwise
// different in degree (a time frame, a place only the column names, "trygg" for "otrygg")
// leaves it as a possible match with the reason; a match without any such doubt is clear.
//
// A column known only by its name (F10_slagen) names some features and leaves the rest
// unknown: what it names must agree, and what the template's question says that the name
// does not (a partner, the internet, a place) is a doubt, not a conflict.
import { ACTS, type Act, type FollowUp, type Party, type Place, type QuestionMeaning, type Role, type Subject, type TimeFrame, type TrustIn } from './meaning.js';

export type Level = 'clear' | 'possible';

/** Why a column fits (evidence), why it is only possible (doubt), or why it does not (conflict). */
export type Reason =
  // evidence
  | { code: 'subject'; subject: Subject; role: Role | null }
  | { code: 'acts'; acts: Act[] }
  | { code: 'party'; party: Party }
  | { code: 'online' }
  | { code: 'place'; place: Place }
  | { code: 'time'; time: TimeFrame }
  | { code: 'trust'; trustIn: TrustIn }
  | { code: 'follow-up'; followUp: FollowUp }
  // doubts
  | { code: 'role-assumed' }
  | { code: 'role-unknown' }
  | { code: 'time-differs'; data: TimeFrame; template: TimeFrame }
  | { code: 'time-missing'; template: TimeFrame }
  | { code: 'acts-broader'; extra: Act[] }
  | { code: 'acts-narrower'; missing: Act[] }
  | { code: 'party-narrower'; party: Party }
  | { code: 'place-narrower'; place: Place }
  | { code: 'place-missing'; place: Place }
  | { code: 'evening-missing' }
  | { code: 'evening-extra' }
  | { code: 'inverted'; polarity: 'safe' | 'unsafe' }
  | { code: 'ambiguous'; other: string }
  /** A column name does not name what the template's question says (a partner, the internet …). */
  | { code: 'not-named'; what: 'party' | 'online' | 'place' | 'evening' | 'acts'; party?: Party; place?: Place }
  /** The column does not say which follow-up it is (where, what it led to, whom the pupil told). */
  | { code: 'follow-up-unknown' }
  /** A follow-up question: which question it follows (whose answers it is asked after) is not in the data. */
  | { code: 'follows-which' }
  // conflicts
  | { code: 'subject-differs'; data: Subject | null; template: Subject | null }
  | { code: 'role-differs'; data: Role; template: Role }
  | { code: 'acts-differ'; data: Act[]; template: Act[] }
  | { code: 'party-differs'; data: Party | null; template: Party | null }
  | { code: 'online-differs'; data: boolean }
  | { code: 'place-differs'; data: Place; template: Place }
  | { code: 'self-defence' }
  | { code: 'trust-differs'; data: TrustIn | null; template: TrustIn | null }
  | { code: 'follow-up-differs'; data: FollowUp; template: FollowUp };

export interface Match {
  /** null: the column cannot feed the indicator (see `conflict`). */
  level: Level | null;
  /** For ranking candidates: more shared features first. */
  score: number;
  reasons: Reason[];
  doubts: Reason[];
  conflict: Reason | null;
  /** The column asks the opposite ("trygg" for an "otrygg" indicator): yes and no are swapped. */
  inverted: boolean;
}

/** Acts in a fixed order (physical violence, threats, …), so reasons read the same every time. */
const sorted = (acts: Iterable<Act>) => [...acts].sort((a, b) => ACTS.indexOf(a) - ACTS.indexOf(b));

export function compareMeanings(template: QuestionMeaning, data: QuestionMeaning): Match {
  const reasons: Reason[] = [];
  const doubts: Reason[] = [];
  let inverted = false;
  const named = data.nameOnly;
  const reject = (conflict: Reason): Match => ({ level: null, score: 0, reasons, doubts, conflict, inverted: false });

  if (template.subject === null || data.subject !== template.subject) return reject({ code: 'subject-differs', data: data.subject, template: template.subject });
  reasons.push({ code: 'subject', subject: template.subject, role: template.role });

  // Who did what to whom.
  if (template.subject === 'violence') {
    if (data.role === null) doubts.push({ code: 'role-unknown' });
    else if (data.role !== template.role && template.role !== null) return reject({ code: 'role-differs', data: data.role, template: template.role });
    else if (data.roleAssumed) doubts.push({ code: 'role-assumed' });
  }
  if (template.subject === 'violence' || template.subject === 'attitude' || template.subject === 'violent-peers') {
    const conflict = compareActs(template, data, reasons, doubts);
    if (conflict) return reject(conflict);
  }
  if (template.subject === 'attitude' && data.selfDefence && !template.selfDefence) return reject({ code: 'self-defence' });
  if (template.subject === 'trust') {
    if (data.trustIn !== template.trustIn) return reject({ code: 'trust-differs', data: data.trustIn, template: template.trustIn });
    reasons.push({ code: 'trust', trustIn: template.trustIn! });
  }
  if (template.subject === 'follow-up' || template.subject === 'disclosure') return compareFollowUps(template, data, reasons, doubts, reject);

  // The other party: a question about anyone is not one about a partner, nor the reverse;
  // one about family only is narrower than one about anyone. (Other subjects, such as honour,
  // name the family as part of what they are.)
  const partied = template.subject === 'violence' || template.subject === 'attitude';
  if (!partied) {
    // nothing to compare
  } else if (data.party !== template.party) {
    if (data.party === null && !named) return reject({ code: 'party-differs', data: null, template: template.party });
    if (data.party === null) doubts.push({ code: 'not-named', what: 'party', party: template.party! });
    if (data.party !== null && template.party === null && data.party === 'family' && template.subject === 'violence') doubts.push({ code: 'party-narrower', party: 'family' });
    else if (data.party !== null) return reject({ code: 'party-differs', data: data.party, template: template.party });
  } else if (template.party !== null) reasons.push({ code: 'party', party: template.party });

  if (data.online !== template.online) {
    if (data.online || !named) return reject({ code: 'online-differs', data: data.online });
    doubts.push({ code: 'not-named', what: 'online' });
  } else if (template.online) reasons.push({ code: 'online' });

  if (data.place !== template.place) {
    if (data.place !== null && template.place !== null) return reject({ code: 'place-differs', data: data.place, template: template.place });
    if (data.place !== null) doubts.push({ code: 'place-narrower', place: data.place });
    else doubts.push(named ? { code: 'not-named', what: 'place', place: template.place! } : { code: 'place-missing', place: template.place! });
  } else if (template.place !== null) reasons.push({ code: 'place', place: template.place });

  if (template.subject === 'safety') {
    if (data.polarity !== template.polarity) {
      inverted = true;
      doubts.push({ code: 'inverted', polarity: data.polarity! });
    }
    if (template.evening && !data.evening) doubts.push(named ? { code: 'not-named', what: 'evening' } : { code: 'evening-missing' });
    if (data.evening && !template.evening) doubts.push({ code: 'evening-extra' });
  }

  // A column name says no time frame; the config then claims none (see build.ts).
  if (!named && data.time !== template.time) {
    if (data.time !== null && template.time !== null) doubts.push({ code: 'time-differs', data: data.time, template: template.time });
    else if (template.time !== null) doubts.push({ code: 'time-missing', template: template.time });
  } else if (!named && template.time !== null) reasons.push({ code: 'time', time: template.time });

  const evidence = reasons.reduce((s, r) => s + (r.code === 'acts' ? r.acts.length : 1), 0);
  return {
    level: doubts.length === 0 ? 'clear' : 'possible',
    score: evidence - doubts.length / 2,
    reasons,
    doubts,
    conflict: null,
    inverted,
  };
}

/**
 * Follow-up questions are compared by what they ask (the place, what it led to, whom the pupil
 * told), which holds their place and party too. They are never a clear match: the data does
 * not say which question a follow-up follows, while the indicator counts it among the pupils
 * its population names (those subjected to any form of violence); a person must say so.
 */
function compareFollowUps(template: QuestionMeaning, data: QuestionMeaning, reasons: Reason[], doubts: Reason[], reject: (conflict: Reason) => Match): Match {
  if (data.followUp !== template.followUp) {
    if (data.followUp !== null && template.followUp !== null) return reject({ code: 'follow-up-differs', data: data.followUp, template: template.followUp });
    doubts.push({ code: 'follow-up-unknown' });
  } else if (template.followUp !== null) reasons.push({ code: 'follow-up', followUp: template.followUp });
  doubts.push({ code: 'follows-which' });
  return { level: 'possible', score: reasons.length - doubts.length / 2, reasons, doubts, conflict: null, inverted: false };
}

/**
 * The acts must overlap. A column that also asks about other acts is broader (a doubt); one
 * that covers less than half of the template's acts is narrower (a doubt: the indicator's text
 * would name acts the question did not ask about). A name that names no act leaves them unknown.
 */
function compareActs(template: QuestionMeaning, data: QuestionMeaning, reasons: Reason[], doubts: Reason[]): Reason | null {
  if (data.acts.size === 0 && data.nameOnly) {
    doubts.push({ code: 'not-named', what: 'acts' });
    return null;
  }
  const shared = sorted([...data.acts].filter((a) => template.acts.has(a)));
  if (shared.length === 0) return { code: 'acts-differ', data: sorted(data.acts), template: sorted(template.acts) };
  reasons.push({ code: 'acts', acts: shared });
  const extra = sorted([...data.acts].filter((a) => !template.acts.has(a)));
  if (extra.length > 0) doubts.push({ code: 'acts-broader', extra });
  const missing = sorted([...template.acts].filter((a) => !data.acts.has(a)));
  if (!data.nameOnly && missing.length * 2 > template.acts.size) doubts.push({ code: 'acts-narrower', missing });
  return null;
}
