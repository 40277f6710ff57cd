// The matcher on real Swedish survey questions: what a question is about (meaning.ts), and
// which standard indicator it can feed, how surely (match.ts). The confusions that put false
// sentences in reports are tested one by one: being subjected to violence vs using it, having
// a partner vs partner violence, school vs neighbourhood vs town centre, a parent's violence
// against the other parent (witnessed) vs the pupil hit at home, self-defence vs accepting
// violence, a filter question vs an outcome, "trygg" for an "otrygg" indicator. Then the same
// on two whole exports: Lillby (written with the matcher) and Östervik (written after it, in
// other surveys' wording).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { profileCsv } from '../../src/init/profile.js';
import { loadTemplate } from '../../src/init/template.js';
import { propose } from '../../src/init/propose.js';
import { templateSources } from '../../src/init/indicators.js';
import { compareMeanings, type Level } from '../../src/init/match.js';
import { readQuestion } from '../../src/init/meaning.js';
import { QUESTIONS as OSTERVIK } from '../fixtures/ostervik/generate.mjs';

const template = await loadTemplate();
const sources = templateSources(template);

/** The indicator a question fits best (clear before possible, then by score), or null. */
function best(question: string): { id: string; level: Level } | null {
  const data = readQuestion(question);
  const fits = sources
    .map(({ ind, meaning }) => ({ id: ind.id, m: compareMeanings(meaning, data) }))
    .filter((f) => f.m.level !== null)
    .sort((a, b) => (a.m.level === b.m.level ? b.m.score - a.m.score : a.m.level === 'clear' ? -1 : 1));
  return fits[0] ? { id: fits[0].id, level: fits[0].m.level! } : null;
}

/** Why a question cannot feed an indicator (the conflict's code), or null when it can. */
function conflict(question: string, id: string): string | null {
  const source = sources.find((s) => s.ind.id === id)!;
  return compareMeanings(source.meaning, readQuestion(question)).conflict?.code ?? null;
}

describe('reading Swedish survey questions', () => {
  it('tells who did what to whom', () => {
    const read = (q: string) => {
      const m = readQuestion(q);
      return [m.subject, m.role, [...m.acts].sort().join('+'), m.party, m.time];
    };
    expect(read('Har någon slagit dig under de senaste 12 månaderna?')).toEqual(['violence', 'victim', 'physical', null, '12m']);
    expect(read('Har du blivit slagen, sparkad eller utsatt för annat fysiskt våld det senaste året?')).toEqual(['violence', 'victim', 'physical', null, '12m']);
    expect(read('Har du själv slagit någon under de senaste 12 månaderna?')).toEqual(['violence', 'perpetrator', 'physical', null, '12m']);
    expect(read('Har du under läsåret hotat eller kränkt någon på nätet?')).toEqual(['violence', 'perpetrator', 'abuse+threat', null, 'school-year']);
    expect(read('Har du någon gång sett eller hört din pappa slå din mamma?')).toEqual(['violence', 'witness', 'physical', 'family', 'ever']);
    expect(read('Har din mamma eller pappa någon gång slagit dig?')).toEqual(['violence', 'victim', 'physical', 'family', 'ever']);
    expect(read('Har din pojkvän eller flickvän kontrollerat vem du får träffa?')).toEqual(['violence', 'victim', 'control', 'partner', null]);
    expect(read('Har du någon gång haft en pojkvän, flickvän eller partner?')).toEqual(['partner-status', null, '', 'partner', 'ever']);
    expect(read('Har någon tagit något från dig med hot eller våld?')).toEqual(['violence', 'victim', 'robbery', null, null]);
    // "hotat att skada dig": what is threatened is not a second act.
    expect(read('Har någon hotat att skada dig?')[2]).toBe('threat');
  });

  it('tells safety from unsafety, places, attitudes and other subjects', () => {
    const read = (q: string) => {
      const m = readQuestion(q);
      return [m.subject, m.polarity, m.place, m.selfDefence];
    };
    expect(read('Känner du dig trygg i skolan?')).toEqual(['safety', 'safe', 'school', false]);
    expect(read('Händer det att du känner dig otrygg i området där du bor?')).toEqual(['safety', 'unsafe', 'neighbourhood', false]);
    expect(read('Känner du dig otrygg i centrum på kvällar?')).toEqual(['safety', 'unsafe', 'centre', false]);
    expect(read('Hur väl stämmer påståendet: Det är okej att slåss om någon förolämpar en.')).toEqual(['attitude', null, null, false]);
    expect(read('Det är okej att använda våld om man blir attackerad och måste försvara sig.')).toEqual(['attitude', null, null, true]);
    expect(readQuestion('Hur stort förtroende har du för polisen?')).toMatchObject({ subject: 'trust', trustIn: 'police' });
    expect(readQuestion('Har du berättat för någon vuxen om att du blivit utsatt för våld?').subject).toBe('disclosure');
    expect(readQuestion('Har du druckit alkohol de senaste 30 dagarna?')).toMatchObject({ subject: 'alcohol', time: '30d' });
  });

  it('reads column names as names: the question number off, abbreviations spelled out, the rest unknown', () => {
    expect(readQuestion('F10_slagen')).toMatchObject({ nameOnly: true, subject: 'violence', role: 'victim', roleAssumed: false, time: null });
    expect(readQuestion('F16b_partner_vald')).toMatchObject({ nameOnly: true, role: 'victim', roleAssumed: true, party: 'partner' });
    expect(readQuestion('F21_utovat_nat')).toMatchObject({ role: 'perpetrator', online: true });
    expect(readQuestion('F22_ok_slass')).toMatchObject({ subject: 'attitude' });
    expect(readQuestion('q3 Förtroende för polisen')).toMatchObject({ nameOnly: true, subject: 'trust', trustIn: 'police' });
  });
});

describe('matching: the confusions that would make a report false', () => {
  it('being subjected to violence is not using it, and the reverse', () => {
    const hit = 'Har någon under de senaste 12 månaderna slagit dig eller sparkat dig så att det gjorde ont?';
    const hitter = 'Har du själv under de senaste 12 månaderna slagit eller sparkat någon?';
    expect(best(hit)).toEqual({ id: 'fysiskt_vald', level: 'clear' });
    expect(best(hitter)).toEqual({ id: 'utovat_fysiskt_vald', level: 'clear' });
    expect(conflict(hit, 'utovat_fysiskt_vald')).toBe('role-differs');
    expect(conflict(hitter, 'fysiskt_vald')).toBe('role-differs');
    expect(best('Har någon under det senaste året hotat, hängt ut eller kränkt dig på internet?')).toEqual({ id: 'krankt_pa_natet', level: 'clear' });
    expect(best('Har du under det senaste året själv hotat, hängt ut eller kränkt någon på internet?')).toEqual({ id: 'utovat_krankning_natet', level: 'clear' });
  });

  it('having a partner is a filter, not partner violence; partner violence is not violence by anyone', () => {
    const has = 'Har du någon gång haft en pojkvän, flickvän eller partner?';
    const violence = 'Har din pojkvän, flickvän eller partner under de senaste 12 månaderna slagit dig, hotat dig eller bestämt vem du får träffa?';
    expect(best(has)).toBeNull();
    expect(conflict(has, 'vald_i_parrelation')).toBe('subject-differs');
    expect(best(violence)).toEqual({ id: 'vald_i_parrelation', level: 'clear' });
    expect(conflict(violence, 'fysiskt_vald')).toBe('party-differs');
    expect(conflict('Har någon under de senaste 12 månaderna slagit dig?', 'vald_i_parrelation')).toBe('party-differs');
    // A partner's control is partner violence; accepting it is an attitude.
    expect(conflict('Det är okej att kolla sin pojkväns eller flickväns mobil utan lov.', 'vald_i_parrelation')).toBe('subject-differs');
  });

  it('school, neighbourhood and town centre are different places', () => {
    expect(best('Händer det att du känner dig otrygg i skolan?')).toEqual({ id: 'otrygg_i_skolan', level: 'clear' });
    expect(conflict('Känner du dig trygg i skolan?', 'trygg_i_omradet')).toBe('place-differs');
    expect(conflict('Händer det att du känner dig otrygg i centrum på kvällar och helger?', 'otrygg_ute')).toBe('place-differs');
    expect(conflict('Händer det att du känner dig otrygg i skolan?', 'otrygg_ute')).toBe('place-differs');
    expect(best('Hur väl stämmer påståendet: Jag känner mig trygg i området där jag bor.')).toEqual({ id: 'trygg_i_omradet', level: 'clear' });
  });

  it("a parent's violence against the other parent is witnessed violence; the pupil hit at home is not", () => {
    const witnessed = 'Har du någon gång sett eller hört att en vuxen i din familj har slagit din mamma, pappa eller ett syskon?';
    const hitAtHome = 'Har en förälder eller annan vuxen i din familj någon gång slagit dig?';
    expect(best(witnessed)).toEqual({ id: 'bevittnat_vald', level: 'clear' });
    expect(conflict(hitAtHome, 'bevittnat_vald')).toBe('role-differs');
    // Being hit by a parent is physical violence, but only from family and ever: at most unsure.
    expect(best(hitAtHome)).toEqual({ id: 'fysiskt_vald', level: 'possible' });
    // Seeing violence at school is not violence at home.
    expect(conflict('Har du under det senaste året sett någon bli slagen i skolan?', 'bevittnat_vald')).toBe('party-differs');
  });

  it('self-defence and hitting back are not accepting violence', () => {
    expect(best('Hur väl stämmer påståendet: "Det är okej att slåss om någon retar en eller förolämpar ens familj."')).toEqual({ id: 'accepterar_vald', level: 'clear' });
    expect(conflict('Hur väl stämmer följande påstående: "Det är okej att använda våld om man blir attackerad och måste försvara sig."', 'accepterar_vald')).toBe('self-defence');
    expect(conflict('Hur väl stämmer påståendet: "Om någon slår mig så slår jag tillbaka."', 'accepterar_vald')).toBe('self-defence');
  });

  it('a "trygg" question can feed an "otrygg" indicator only unsurely, with yes and no swapped', () => {
    const source = sources.find((s) => s.ind.id === 'otrygg_i_skolan')!;
    const m = compareMeanings(source.meaning, readQuestion('Känner du dig trygg i skolan?'));
    expect([m.level, m.inverted, m.doubts]).toEqual(['possible', true, [{ code: 'inverted', polarity: 'safe' }]]);
  });

  it('other things that look alike stay apart', () => {
    // Bullying is not sexual harassment, robbery is not threats, being drunk is not drinking.
    expect(best('Har du blivit mobbad eller trakasserad i skolan under det här läsåret?')).toBeNull();
    expect(best('Har någon under det senaste året tagit något från dig med hot eller våld?')).toBeNull();
    expect(best('Har du under de senaste 12 månaderna druckit alkohol?')).toBeNull();
    expect(best('Har du under de senaste 12 månaderna druckit så mycket alkohol att du känt dig berusad?')).toEqual({ id: 'berusad', level: 'clear' });
    // Sexual harassment and sexual violence are different indicators.
    expect(best('Har någon tafsat på dig mot din vilja under det senaste året?')).toEqual({ id: 'sexuella_trakasserier', level: 'clear' });
    // Touching said in words is the same act (a Google Forms export's wording; no time frame: unsure).
    expect(best('Har någon under det senaste året tagit på dig på ett sexuellt sätt mot din vilja?')).toEqual({ id: 'sexuella_trakasserier', level: 'clear' });
    expect(best('Har du varit med om att någon tagit på dig sexuellt mot din vilja?')).toEqual({ id: 'sexuella_trakasserier', level: 'possible' });
    expect(best('Har någon rört vid dig på ett sexuellt sätt när du inte ville, under de senaste 12 månaderna?')).toEqual({ id: 'sexuella_trakasserier', level: 'clear' });
    expect(best('Har någon under det senaste året tvingat dig att ha sex?')).toEqual({ id: 'sexuellt_vald', level: 'clear' });
    // Threats online are online abuse; threats are threats.
    expect(conflict('Har någon hotat dig via sociala medier det senaste året?', 'hot')).toBe('online-differs');
    // Telling an adult about violence is not the violence: it is the follow-up question, and as
    // every follow-up only a suggestion (the template counts it among those subjected to any
    // violence; which question it follows, here being hit, is for a person to say).
    expect(best('Har du berättat för någon vuxen om att du blivit slagen?')).toEqual({ id: 'berattat_vuxen', level: 'possible' });
    // A different time frame makes a match unsure (the report's text then follows the question).
    expect(best('Har någon någon gång slagit dig?')).toEqual({ id: 'fysiskt_vald', level: 'possible' });
  });

  it('follow-up questions: where it happened, what it led to, whom the pupil told — never surely, never another one', () => {
    expect(best('Var hände det? I skolan eller på skolgården')).toEqual({ id: 'plats_skolan', level: 'possible' });
    expect(best('Var hände det? (välj alla som stämmer) – Hemma')).toEqual({ id: 'plats_hemma', level: 'possible' });
    expect(best('F19d_plats_ute')).toEqual({ id: 'plats_ute', level: 'possible' });
    expect(best('Har det som hände gjort att du stannat hemma från skolan?')).toEqual({ id: 'foljd_stannat_hemma', level: 'possible' });
    expect(best('F19e_undvikit')).toEqual({ id: 'foljd_undvikit', level: 'possible' });
    expect(best('Polisanmäldes det som hände?')).toEqual({ id: 'polisanmalt', level: 'possible' });
    // Which follow-up it is must agree: online is not school, the police is not an adult told.
    expect(conflict('F19b_plats_natet', 'plats_skolan')).toBe('follow-up-differs');
    expect(conflict('Var hände det? På nätet eller i mobilen', 'plats_hemma')).toBe('follow-up-differs');
    expect(conflict('F19h_polisanmalt', 'berattat_vuxen')).toBe('follow-up-differs');
    expect(conflict('Har det som hände gjort att du undvikit vissa platser?', 'foljd_stannat_hemma')).toBe('follow-up-differs');
    // Avoiding places out of fear, asked on its own, is about feeling unsafe, not a follow-up.
    expect(readQuestion('Finns det platser du undviker för att du känner dig otrygg?').subject).toBe('safety');
    // A follow-up is not the violence it follows.
    expect(conflict('Var hände det? I skolan', 'fysiskt_vald')).toBe('subject-differs');
    const why = compareMeanings(sources.find((s) => s.ind.id === 'plats_skolan')!.meaning, readQuestion('F19a_plats_skolan'));
    expect([why.reasons.map((r) => r.code), why.doubts.map((r) => r.code)]).toEqual([['subject', 'follow-up'], ['follows-which']]);
  });
});

describe('init on whole exports', () => {
  it('Lillby (question texts as headers): no question on a wrong indicator; unsure ones suggested; the rest left out with why', async () => {
    const p = propose(await profileCsv(fileURLToPath(new URL('../fixtures/lillby/Lillby skolenkät 2024.csv', import.meta.url))), template);
    const short = (q: string) => q.slice(0, 40);
    expect(p.indicators.indicators.map((i) => [i.id, short(i.column)])).toEqual([
      ['fysiskt_vald', 'Har du under de senaste 12 månaderna bli'],
      ['hot', 'Har någon under de senaste 12 månaderna '],
      ['sexuellt_vald', 'Har någon under de senaste 12 månaderna '],
      ['sexuella_trakasserier', 'Har du under de senaste 12 månaderna bli'],
      ['krankt_pa_natet', 'Har någon under de senaste 12 månaderna '],
      ['vald_i_parrelation', 'Har din pojkvän, flickvän eller partner '],
      ['bevittnat_vald', 'Har du någon gång sett eller hört att en'],
      ['utovat_fysiskt_vald', 'Har du själv under de senaste 12 månader'],
      ['accepterar_vald', 'Hur väl stämmer följande påstående: "Det'],
      ['berusad', 'Har du under de senaste 12 månaderna dru'],
      ['vuxen_att_prata_med', 'Finns det någon vuxen du kan prata med o'],
      ['trygg_i_omradet', 'Hur trygg känner du dig i området där du'],
      ['fortroende_polis', 'Hur stort förtroende har du för polisen?'],
    ]);
    // The question as asked is the question quoted; the partner question is the population.
    expect(p.indicators.indicators.every((i) => i.question === i.column)).toBe(true);
    expect(p.indicators.indicators.find((i) => i.id === 'vald_i_parrelation')!.population).toEqual({
      column: 'Har du någon gång haft en pojkvän, flickvän eller partner?',
      values: ['Ja, just nu', 'Ja, tidigare'],
      question: 'Har du någon gång haft en pojkvän, flickvän eller partner?',
    });
    expect(p.indicators.suggestions.map((i) => [i.id, i.column, i.inverted])).toEqual([['otrygg_i_skolan', 'Känner du dig trygg i skolan?', true]]);
    expect(p.indicators.unused.map((u) => [u.column.slice(0, 30), u.why, u.why === 'near' ? [u.indicator, u.reasons.map((r) => r.code)] : null])).toEqual([
      ['Har en förälder eller annan vu', 'near', ['fysiskt_vald', ['party-narrower', 'time-differs']]],
      ['Händer det att du känner dig o', 'near', ['otrygg_ute', ['place-differs']]],
      ['Hur väl stämmer följande påstå', 'near', ['accepterar_vald', ['self-defence']]],
      ['Har du blivit mobbad eller tra', 'near', ['krankt_pa_natet', ['online-differs']]],
      ['Har någon under de senaste 12 ', 'near', ['fysiskt_vald', ['acts-differ']]],
      ['Är det något mer du vill berät', 'no-match', null],
    ]);
  });

  it('Östervik (written after the matcher, other surveys\' wording): nothing on a wrong indicator', async () => {
    const p = propose(await profileCsv(fileURLToPath(new URL('../fixtures/ostervik/ostervik-2023.csv', import.meta.url))), template);
    const expected = new Map(OSTERVIK.map(([header, , id]) => [header, id]));
    const wrong = [...p.indicators.indicators, ...p.indicators.suggestions].filter((i) => expected.get(i.column) !== i.id);
    expect(wrong.map((i) => [i.id, i.column])).toEqual([]);
    // Every question a careful reader maps is taken or suggested.
    const found = new Set([...p.indicators.indicators, ...p.indicators.suggestions].map((i) => i.column));
    expect(OSTERVIK.filter(([h, , id]) => id !== null && !found.has(h)).map(([h]) => h)).toEqual([]);
    expect(p.indicators.indicators.length).toBe(11);
    expect(p.indicators.suggestions.map((i) => i.id)).toEqual(['krankt_pa_natet', 'vald_i_parrelation', 'berattat_vuxen', 'otrygg_i_skolan', 'berusad']);
    expect(p.roles).toMatchObject({ area: 'Kommun', year: 'År', gender: 'F1. Kön', grade: 'F2. Vilken årskurs går du i?' });
    expect(p.indicators.suggestions.find((i) => i.id === 'vald_i_parrelation')!.population?.column).toBe('F32. Är du tillsammans med någon just nu, eller har du varit det?');
  });
});
