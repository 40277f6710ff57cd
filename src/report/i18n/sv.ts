// Swedish: every fixed text and sentence template of the report.
import type { Phrasing, Strings, Subject, Who } from './types.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`);
const pp = (p: string | null) => (p === null ? '' : ` (${p})`);

/** Definite plural of the usual gender labels: "bland flickorna". */
const DEFINITE: Record<string, string> = {
  flickor: 'flickorna',
  pojkar: 'pojkarna',
  tjejer: 'tjejerna',
  killar: 'killarna',
  kvinnor: 'kvinnorna',
  män: 'männen',
};

/** "i årskurs 9" from the label "Årskurs 9" or "Åk 9" (or a bare "9"). */
function inGrade(label: string): string {
  return `i ${/^\d/.test(label) ? `årskurs ${label}` : lowerFirst(label)}`;
}

/** "flickorna", or "gruppen ”annat”" for a label without a known definite form. */
function genderNoun(label: string): { noun: string; known: boolean } {
  const def = DEFINITE[label.toLowerCase()];
  return def ? { noun: def, known: true } : { noun: `gruppen ”${label}”`, known: false };
}

/** "bland flickorna i årskurs 9", "i gruppen ”annat”", "bland eleverna i årskurs 9"; "" for everyone. */
function among(who: Who): string {
  const grade = who.grade === null ? '' : ` ${inGrade(who.grade)}`;
  if (who.gender === null) return who.grade === null ? '' : `bland eleverna${grade}`;
  const g = genderNoun(who.gender);
  return `${g.known ? 'bland' : 'i'} ${g.noun}${grade}`;
}

/** Sentence opening for a group, or null for everyone. */
function opening(who: Who): string | null {
  const a = among(who);
  return a === '' ? null : cap(a);
}

function subjectText(s: Subject): string {
  if ('anaphor' in s) return 'andelen';
  const among = s.among === undefined ? '' : `, bland ${s.among},`;
  return 'clause' in s ? `andelen som uppgav ${s.clause}${among}` : `andelen för ”${s.label}”${among}`;
}

/** Swedish puts the verb second: "Bland flickorna ökade andelen …" / "Andelen … ökade". */
function lead(who: Who, verb: string, s: Subject): string {
  const o = opening(who);
  return o === null ? `${cap(subjectText(s))} ${verb}` : `${o} ${verb} ${subjectText(s)}`;
}

const narrative: Phrasing = {
  percent: (num) => `${num} procent`,
  estimate: (who, s, pct, level, ci) => {
    const o = opening(who) ?? 'Totalt';
    return 'clause' in s ? `${o} uppgav ${pct} (${level} KI ${ci}) ${s.clause}.` : `${o} var andelen för ”${s.label}” ${pct} (${level} KI ${ci}).`;
  },
  caution: (n) => `Tolka med försiktighet: gruppen har bara ${n} svarande.`,
  pooledWaves: (years) => `Resultatet bygger på mätningarna ${years} sammanslagna.`,
  change: (dir, who, s, from, to, diff, p) => {
    if (dir === 'none') return `${lead(who, 'var', s)} ${from.value} ${from.year} och ${to.value} ${to.year}. Det är ingen statistiskt säkerställd förändring${pp(p)}.`;
    const [verb, noun] = dir === 'rise' ? ['ökade', 'Ökningen'] : ['minskade', 'Minskningen'];
    return `${lead(who, verb, s)} från ${from.value} ${from.year} till ${to.value} ${to.year}. ${noun} på ${diff} är statistiskt säkerställd${pp(p)}.`;
  },
  riseCaveat:
    'En ökning av uppgiven utsatthet behöver inte betyda att det förebyggande arbetet har misslyckats: arbetet gör ofta att mer våld kommer fram.',
  trend: (dir, who, s, range, p) => {
    if (dir !== 'none') return `${lead(who, dir === 'rise' ? 'ökade' : 'minskade', s)} över mätningarna ${range}, och trenden är statistiskt säkerställd${pp(p)}.`;
    const o = opening(who);
    return `${o ?? 'Det'} finns ingen statistiskt säkerställd förändring i ${subjectText(s)} över mätningarna ${range}${pp(p)}.`;
  },
  gender: (grade, s, a, b, significant, diff, p) => {
    const start = grade === null ? `${cap(subjectText(s))} var` : `${cap(inGrade(grade))} var ${subjectText(s)}`;
    const verdict = significant ? `Skillnaden på ${diff} är statistiskt säkerställd${pp(p)}.` : `Det är ingen statistiskt säkerställd skillnad${pp(p)}.`;
    return `${start} ${a.value} ${among(a.who)} och ${b.value} ${among(b.who)}. ${verdict}`;
  },
  county: (who, s, area, rest, significant, diff, p) => {
    const verdict = significant ? `Skillnaden på ${diff} är statistiskt säkerställd${pp(p)}.` : `Det är ingen statistiskt säkerställd skillnad${pp(p)}.`;
    return `${lead(who, 'var', s)} ${area.value} i ${area.name} och ${rest.value} i ${rest.name}. ${verdict}`;
  },
  restOfCounty: (county) => (county.toLowerCase() === 'länet' ? 'övriga länet' : `övriga ${county}`),
  singleWave: (area, year) =>
    `Undersökningen har hittills bara genomförts en gång i ${area} (${year}), så det finns ingen tidigare mätning att jämföra med. Resultaten blir utgångsläget för kommande uppföljningar.`,
  indicatorSingleWave: (label, year) => `”${label}” har bara mätts ${year}, så det finns ingen tidigare mätning att jämföra med.`,
  seriesBreak: (year) => `Frågan ändrades ${year}, så mätningar före och efter ${year} jämförs inte.`,
  noSignificantFindings: (kinds) => {
    const what = { waves: 'mellan mätningarna', genders: 'mellan könen', county: 'mot övriga länet' };
    return `Ingen av rapportens jämförelser ${list(kinds.map((k) => what[k]))} visar någon statistiskt säkerställd skillnad. Det betyder inte att ingenting har hänt, bara att underlaget inte räcker för att belägga det.`;
  },
  noSignificantCountyDifference: 'Ingen av skillnaderna mot övriga länet är statistiskt säkerställd.',
  noCountyComparisonShown: 'Ingen av jämförelserna med övriga länet kan redovisas: andelarna döljs för att skydda de svarande.',
  derived: (kind, labels) => `att de svarat ja på ${kind === 'any' ? 'minst en av' : 'alla'} frågorna om ${list(labels.map((l) => `”${l}”`))}`,
  countyOverview: (label, higher, lower, { shown, hidden }) => {
    if (shown === 0) return `För ”${label}” kan ingen kommun jämföras med övriga länet${hidden > 0 ? ': andelarna döljs för att skydda de svarande' : ''}.`;
    if (higher.length === 0 && lower.length === 0) {
      return `För ”${label}” skiljer sig ingen ${hidden > 0 ? 'av de kommuner som kan jämföras' : 'kommun'} statistiskt säkerställt från övriga länet.`;
    }
    const parts: string[] = [];
    if (higher.length > 0) parts.push(`högre än i övriga länet i ${list(higher)}`);
    if (lower.length > 0) parts.push(higher.length > 0 ? `lägre i ${list(lower)}` : `lägre än i övriga länet i ${list(lower)}`);
    return `För ”${label}” är andelen statistiskt säkerställt ${parts.join(' och ')}.`;
  },
  reference: (who, s, area, ref, verdict, diff, p) => {
    const verdictText =
      verdict === 'untested'
        ? 'Referensvärdets osäkerhet är inte känd, så skillnaden har inte prövats statistiskt.'
        : verdict === 'significant'
          ? `Skillnaden på ${diff} är statistiskt säkerställd${pp(p)}.`
          : `Det är ingen statistiskt säkerställd skillnad${pp(p)}.`;
    return `${lead(who, 'var', s)} ${area.value} i ${area.name}, och referensvärdet ${ref.label} från ${ref.year} är ${ref.value}. ${verdictText}`;
  },
  referenceSuppressed: (label, area, ref) =>
    `”${label}” redovisas inte för ${area}, så andelen jämförs inte med referensvärdet ${ref.label} från ${ref.year} (${ref.value}).`,
  association: (factor, outcome, withFactor, withoutFactor, significant, p) => {
    const who = 'clause' in factor ? `som uppgav ${factor.clause}` : `som svarat ja på ”${factor.label}”`;
    const verdict = significant ? `Skillnaden är statistiskt säkerställd${pp(p)}.` : `Det är ingen statistiskt säkerställd skillnad${pp(p)}.`;
    return `Bland elever ${who} var ${subjectText(outcome)} ${withFactor}, jämfört med ${withoutFactor} bland övriga elever som besvarat frågan. ${verdict}`;
  },
  associationSuppressed: (factors, outcomes) => {
    const quoted = (xs: string[]) => xs.map((x) => `”${x}”`);
    // ”A” och ”B” och ”C” would run the two sides together: the side with several is read with respektive.
    const respektive = (xs: string[]) => {
      const q = quoted(xs);
      return q.length === 1 ? q[0]! : `${q.slice(0, -1).join(', ')} respektive ${q.at(-1)!}`;
    };
    const one = factors.length === 1 && outcomes.length === 1;
    const between =
      factors.length > 1 && outcomes.length > 1
        ? `${list(quoted(factors))} å ena sidan och ${list(quoted(outcomes))} å andra sidan`
        : `${respektive(factors)} och ${respektive(outcomes)}`;
    // Its sides are under the same control as every cell (primary and secondary): any of the reasons may be why.
    return `${one ? 'Sambandet' : 'Sambanden'} mellan ${between} redovisas inte: för få svarande eller för få ja- eller nej-svar med eller utan ${factors.length === 1 ? 'faktorn' : 'faktorerna'}, eller för att skydda ett annat dolt värde.`;
  },
  associationCaution: (base) => `Tolka med försiktighet: en av grupperna har färre än ${base} svarande.`,
};

export const sv: Strings = {
  langTag: 'sv-SE',
  labels: {
    contents: 'Innehåll',
    page: 'Sida',
    figure: 'Figur',
    table: 'Tabell',
    source: 'Källa',
    suppressedLegend: '.. = för få svarande för att redovisas',
    showNumbers: 'Visa siffrorna',
    skipToContent: 'Hoppa till innehållet',
  },
  syntheticNotice: 'Syntetiska exempeldata – siffrorna beskriver ingen verklig kommun.',
  narrative,

  title: (area) => `Lägesbild: våld – ${area}`,
  subtitle: (years) => `Beskrivning av våld som problem, enkätresultat ${years}`,
  countyTitle: (county) => `Länsöversikt: våld – ${county}`,
  countySubtitle: (years) => `Kommunerna jämförda, enkätresultat ${years}`,

  chapters: {
    sammanfattning: 'Sammanfattning',
    inledning: 'Inledning',
    omUndersokningen: 'Om undersökningen',
    utsatthet: 'Utsatthet för våld',
    utovandeAttityder: 'Våldsutövande och attityder',
    otrygghet: 'Otrygghet',
    utveckling: 'Utveckling över tid',
    utovande: 'Våldsutövande',
    attityder: 'Attityder till våld',
    jamforelseLanet: 'Jämförelse med länet',
    forandringsfaktorer: 'Förändringsfaktorer',
    uppfoljning: 'Underlag för uppföljning',
    bilagor: 'Bilagor',
    omOversikten: 'Om översikten',
    kommunerna: 'Kommunerna jämförda',
    lanetsUtveckling: 'Länets utveckling över tid',
    grupper: 'Grupper',
    jamforelseReferens: 'Jämförelse med referensvärden',
    lansprofil: 'Länsprofil: alla indikatorer',
  },
  forms: {
    fysiskt: 'Fysiskt våld',
    hot: 'Hot',
    sexuellt: 'Sexuellt våld',
    digitalt: 'Digitalt våld och våld på nätet',
    parrelation: 'Våld i nära relation och parrelation',
    bevittnat: 'Bevittnat våld i hemmet',
    heder: 'Hedersrelaterade begränsningar',
    ovrigt: 'Övriga former av våld',
  },
  aspects: { plats: 'Var våldet hände', foljder: 'Vad våldet ledde till', berattat: 'Om någon fick veta' },
  levels: { individ: 'Individ', relation: 'Relation', narmiljo: 'Närmiljö', samhalle: 'Samhälle', none: 'Övriga faktorer' },
  factors: { risk: 'Riskfaktorer', skydd: 'Skyddsfaktorer', none: 'Faktorer' },

  sections: {
    keyFigures: 'Nyckeltal',
    findings: 'Viktiga resultat',
    definition: 'Definition av våld',
    lasanvisning: 'Läsanvisning',
    utovande: 'Våldsutövande',
    attityder: 'Attityder till våld',
    tables: 'Tabeller',
    questions: 'Frågor och svarsalternativ',
    method: 'Metod',
    outline: 'Rapportens upplägg',
    associations: 'Samband',
    aspects: 'Var våldet hände, vad det ledde till och om någon fick veta',
  },

  words: {
    total: 'Totalt',
    allRespondents: 'Alla svarande',
    allGrades: 'Alla årskurser',
    share: 'Andel (%)',
    indicator: 'Indikator',
    group: 'Grupp',
    grade: 'Årskurs',
    wave: 'Mätning',
    area: 'Kommun',
    n: 'Antal svarande',
    yes: 'Ja',
    no: 'Nej',
    or: 'eller',
    lower: 'Lägre',
    higher: 'Högre',
    pValue: 'p-värde',
    adjustedPValue: 'Justerat p-värde',
    pName: (adjusted) => (adjusted ? 'justerat p' : 'p'),
    significant: 'Statistiskt säkerställd',
    diffPp: 'Skillnad (procentenheter)',
    restOfCounty: 'Övriga länet (%)',
    shareWithCi: (level) => `Andel % (${level} KI)`,
    ci: (level) => `${level} KI`,
    shareIn: (year) => `Andel ${year} (%)`,
    ciIn: (level, year) => `${level} KI ${year}`,
    nIn: (year) => `n ${year}`,
    baseline: (year) => `Basvärde ${year}`,
    mdc: 'Minsta upptäckbara förändring (procentenheter)',
    goodDirection: 'Önskad riktning',
    quote: (text) => `”${text}”`,
    pooledWave: (range) => `${range} (sammanslagna)`,
    pooledArea: (area) => `${area} (sammanslaget område)`,
    groupShareWithCi: (group, level) => `${group}, andel % (${level} KI)`,
    seriesReference: (series, reference) => `${series}, ${reference}`,
    referenceShare: (reference) => `${reference} (%)`,
    referenceSource: (label, source) => `${label}: ${source}`,
    notTested: 'Ej prövad',
    factor: 'Förändringsfaktor',
    outcome: 'Indikator',
    withFactor: 'Med faktorn (%)',
    withoutFactor: 'Utan faktorn (%)',
    ratio: (level) => `Kvot (${level} KI)`,
    areaRange: (from, to, of) => `kommun ${from}–${to} av ${of}`,
  },

  notes: {
    cellFormat: (level) => `Andel i procent med ${level} konfidensintervall inom parentes.`,
    caution: (base) => `* Tolka med försiktighet: färre än ${base} svarande.`,
    withheld: (kinds, minBase, maxSmall) => {
      const few = `1–${maxSmall}`.replace(/^1–1$/, '1');
      if (kinds.length > 1) return `.. = redovisas inte: färre än ${minBase} svarande, eller ${few} som svarat ja (eller nej).`;
      return kinds[0] === 'base'
        ? `.. = färre än ${minBase} svarande: andelen redovisas inte.`
        : `.. = ${few} svarande har svarat ja (eller nej): andelen redovisas inte, för att skydda dem.`;
    },
    secondary: '(..) = döljs för att ett annat dolt värde inte ska kunna räknas fram ur summorna.',
    missing: '– = uppgift saknas.',
    notReported: (labels, gradeRows, byGrade) =>
      `${gradeRows ? 'Totalt och årskurserna avser' : 'Totalt avser'} svarande som angett ${byGrade ? 'kön och årskurs' : 'kön'} bland de redovisade grupperna; så är varje total summan av sina delar. Alla svarande omfattar även övriga (${labels === '' ? 'utan svar' : `${labels} eller utan svar`} på ${byGrade ? 'kön eller årskurs' : 'kön'}), som inte redovisas som egen grupp.`,
    areasTotalOnly: (byGrade) =>
      `Svarande räknas i Totalt, det vill säga bland dem som angett ${byGrade ? 'kön och årskurs' : 'kön'} bland de redovisade grupperna. Övriga svarande ingår inte i svarsfrekvensen men finns med i elevantalen, så den kan vara något lägre än den verkliga, som i kommunernas tabeller.`,
    pooledArea: (area, members) => `${area} är en sammanslagning av ${members}.`,
    pooledAbsent: (area, year, absent, present) => `${absent} har inga svarande ${year}, så ${area} ${year} avser bara ${present}.`,
    followUpDropped: 'Grupper vars utgångsvärde inte kan redovisas har ingen rad i tabellen.',
    oneGrade: (grade) => `Alla svarande går i ${grade.toLowerCase()}, så årskursen redovisas inte separat.`,
    diff: 'Skillnad = kommunens andel minus andelen i övriga länet, i procentenheter, räknad från de avrundade andelar som visas.',
    referenceMarker: (symbol, label) => `${symbol} = referensvärdet ${label}.`,
    referenceYear: 'Årtal inom parentes: referensvärdet är från ett tidigare år än mätningen.',
    referenceMissing: (labels) => `– under ${list(labels)}: det finns inget referensvärde för indikatorn eller gruppen.`,
    referenceDiff: 'Skillnad = kommunens andel minus referensvärdet, i procentenheter, räknad från de avrundade andelar som visas.',
    notTested: 'Ej prövad = referensvärdets osäkerhet är inte känd, så skillnaden har inte prövats statistiskt.',
    ratio: (adjusted) =>
      `Kvot = andelen bland elever med faktorn delad med andelen bland övriga som besvarat frågan; 1 betyder lika stor andel. Ett samband visar inte att faktorn är en orsak.${adjusted ? ' Intervallet är inte justerat för antalet prövningar; statistiskt säkerställd följer det justerade p-värdet.' : ''}`,
    associationWithheld: (minBase, maxSmall) =>
      `.. = redovisas inte: färre än ${minBase} svarande eller 1–${maxSmall} som svarat ja (eller nej) med eller utan faktorn, eller för att skydda ett annat dolt värde.`,
    associationCaution: (base) => `* Tolka med försiktighet: färre än ${base} svarande med eller utan faktorn.`,
    profile: (high, low, county) =>
      `${high} = statistiskt säkerställt högre än i övriga länet, ${low} = statistiskt säkerställt lägre. Markerade celler har också en färgad bakgrund. Kolumnen ${county} gäller hela länet. Andel i procent.`,
    populationOf: (labels, who) => `${list(labels.map((l) => `”${l}”`))}: andelarna gäller bara ${who}.`,
  },

  alt: {
    bar: 'Stapeldiagram',
    line: 'Linjediagram',
    value: (label, value) => `${label} ${value}`,
    withheld: { base: '(för få svarande)', 'small-count': '(redovisas inte, för få ja- eller nej-svar)', secondary: '(dold för att skydda ett annat värde)' },
    reference: (label, value) => `Referenslinje ${label}: ${value}.`,
    highestLowest: (high, low) => `Högst andel: ${high}. Lägst andel: ${low}.`,
    highestLowestInPart: (high, low) => `Högst andel i den här delen: ${high}. Lägst andel i den här delen: ${low}.`,
    markers: (label) => `Markeringar visar referensvärdet ${label}.`,
  },

  captions: {
    byGenderGrade: (label, area, wave) => `${label}, efter kön och årskurs, ${area} ${wave}`,
    byGender: (label, area, wave) => `${label}, efter kön, ${area} ${wave}`,
    byGrade: (label, area, wave) => `${label}, efter årskurs, ${area} ${wave}`,
    total: (label, area, wave) => `${label}, ${area} ${wave}`,
    factors: (level, factor, area, wave, byGender) => `${factor} – ${level}${byGender ? ', efter kön' : ''}, ${area} ${wave}`,
    trend: (label, area, range) => `${label}, ${area} ${range}`,
    respondents: (area) => `Antal svarande per grupp och mätning, ${area}`,
    respondentsByArea: (county) => `Antal svarande per kommun och mätning, ${county}`,
    // The rows are Totalt's figures: those who gave a gender (and school year), not every respondent.
    countyComparison: (area, wave) => `${area} jämfört med övriga länet, totalt, ${wave}`,
    areas: (label, wave) => `${label}, per kommun, ${wave}`,
    areasTable: (label, wave) => `${label}: kommunerna jämförda med övriga länet, ${wave}`,
    followUp: (area, wave) => `Utgångsvärden för uppföljning, ${area} ${wave}`,
    appendix: (label, area) => `${label}, ${area}, alla grupper och mätningar`,
    aspect: (title, area, wave, byGender) => `${title}${byGender ? ', efter kön' : ''}, ${area} ${wave}`,
    groups: (variable, area, wave) => `Nyckeltal efter ${variable}, ${area} ${wave}`,
    groupsTable: (variable, area, wave, byGender) => `Nyckeltal efter ${variable}${byGender ? ' och kön' : ''}, ${area} ${wave}`,
    associations: (level, area, wave) => `Andelar med och utan förändringsfaktorn – ${level}, ${area} ${wave}`,
    references: (area, reference, wave) => `${area} jämfört med referensvärdet ${reference}, ${wave}`,
    profile: (title, wave, range) => `Länsprofil: ${lowerFirst(title)}, ${wave}${range === null ? '' : ` (${range})`}`,
    part: (caption, index, count) => `${caption} (del ${index} av ${count})`,
  },

  text: {
    keyFigureDetail: (wave, ci, genders) => `${wave}, ${ci}.${genders === '' ? '' : ` ${genders}.`}`,
    keyFigureCaution: (n) => `Tolka med försiktighet: ${n} svarande.`,
    keyFigureCautionGroups: (groups, base) => `Tolka med försiktighet för ${groups}: färre än ${base} svarande.`,
    cautionGroups: (ns, oneOf) => `Tolka med försiktighet: ${oneOf ? 'en av grupperna har' : 'grupperna har'} bara ${ns} svarande.`,
    cautionWaves: (ns, oneOf) => `Tolka med försiktighet: ${oneOf ? 'en av mätningarna har' : 'mätningarna har'} bara ${ns} svarande.`,
    intro: (area, years, topics, followUp) =>
      `Den här ${followUp ? 'uppföljningen' : 'lägesbilden'} beskriver ${topics.length > 0 ? list(topics) : 'våld'} i ${area} utifrån enkätundersökningen ${years}. Den är ett underlag för det våldsförebyggande arbetet och följer handboken Inget att vänta på – handbok för våldsförebyggande arbete (Jämställdhetsmyndigheten, MÄN och Unizon, reviderad upplaga 2020).`,
    topics: { utsatthet: 'utsatthet för våld', utovande: 'våldsutövande', attityder: 'attityder till våld', otrygghet: 'otrygghet' },
    chapterGuide: {
      sammanfattning: 'nyckeltal och de viktigaste resultaten',
      'om-undersokningen': 'vilka som svarat, hur resultaten är beräknade och hur de ska läsas',
      utsatthet: 'hur många som utsatts för olika former av våld',
      'utovande-attityder': 'egen användning av våld och attityder till våld',
      utovande: 'egen användning av våld',
      attityder: 'attityder till våld',
      otrygghet: 'hur många som känner sig otrygga',
      utveckling: 'hur nyckeltalen har förändrats mellan mätningarna',
      'jamforelse-lanet': 'kommunen jämförd med övriga länet',
      forandringsfaktorer: 'risk- och skyddsfaktorer, underlag för steg 3',
      grupper: 'nyckeltalen i fler grupper än kön och årskurs',
      'jamforelse-referens': 'kommunen jämförd med referensvärden från andra undersökningar',
      uppfoljning: 'utgångsvärden för uppföljning i steg 5',
      bilagor: 'alla tabeller, frågorna som de ställdes och metoden',
    },
    developmentGuideOneWave: 'att det ännu bara finns en mätning, som blir utgångsläget för kommande uppföljningar',
    stepsIntro: 'Handboken delar in det våldsförebyggande arbetet i fem steg:',
    steps: [
      'Initiera samverkan',
      'Beskriv våld som problem',
      'Identifiera förändringsfaktorer',
      'Utveckla insatser',
      'Implementera, följ upp och sprid',
    ],
    reportPlace: (withFactors, withFollowUp) => {
      const parts = [
        'Rapporten hör till steg 2, Beskriv våld som problem: den kartlägger hur vanligt våld är, vilka former det tar och vilka som utsätts.',
      ];
      if (withFactors) parts.push('Kapitlet Förändringsfaktorer är ett underlag för steg 3, Identifiera förändringsfaktorer.');
      if (withFollowUp) parts.push('Kapitlet Underlag för uppföljning ger utgångsvärden för steg 5, Implementera, följ upp och sprid.');
      parts.push('Enligt handboken är det den här beskrivningen som senare gör det möjligt att pröva om insatserna har gett effekt.');
      return parts.join(' ');
    },
    definitionIntro: (area, agreed) => (agreed ? `${area} har enats om följande definition av våld:` : 'Rapporten utgår från följande definition av våld:'),
    definitionNotAgreed: 'Handboken rekommenderar att samverkansparterna enas om en gemensam definition av våld.',
    noDefinitionTitle: 'Ingen definition av våld angiven',
    noDefinition:
      'Rapporten saknar en gemensam definition av våld. Handboken rekommenderar att samverkansparterna enas om en definition; den läggs in under project.violence_definition i konfigurationen.',
    survey: (area, years, latest, n, pooled, counted) =>
      `Undersökningen har genomförts ${years} i ${area}. ${pooled ? `Sammanlagt svarade ${n} personer vid mätningarna.` : `Vid den senaste mätningen (${latest}) svarade ${n} personer.`}${
        counted ? ` Andelarna för ${counted.total} bygger på de ${counted.n} av dem som angett ${counted.byGrade ? 'kön och årskurs' : 'kön'} bland de redovisade grupperna.` : ''
      }`,
    notInLatest: (area, countyLatest, own, withCounty) =>
      `${area} har inga svarande vid länets senaste mätning, ${countyLatest}. Rapporten bygger därför på mätningen ${own}${withCounty ? `, och jämförelserna med övriga länet gäller ${own}` : ''}.`,
    weighting: (weighted, strata, clusters) => {
      const parts = [weighted ? 'Resultaten är viktade så att de beskriver hela målgruppen.' : 'Resultaten är oviktade: varje svar väger lika.'];
      if (strata) parts.push('Urvalet är stratifierat, och osäkerheten är beräknad med hänsyn till det.');
      if (clusters)
        parts.push('Svaren är samlade i kluster (till exempel skolor); det gör osäkerheten större än i ett enkelt slumpmässigt urval och är inräknat i konfidensintervallen.');
      return parts.join(' ');
    },
    ciMethod: (level, method) => `Konfidensintervallen är ${level}-procentiga och beräknade med ${method}.`,
    ciMethods: {
      wilson: 'Wilsons metod',
      beta: 'Clopper–Pearsons metod (Korn–Graubard)',
      logit: 'logitmetoden',
      xlogit: 'logitmetoden',
      asin: 'arcsinusmetoden',
      mean: 'normalapproximation',
    },
    readingCi: (level) =>
      `Varje andel är en skattning med osäkerhet. Ett ${level}-procentigt konfidensintervall (KI) visar hur stor osäkerheten är: med den metod som används täcker intervallet den verkliga andelen i ${level} fall av 100. Ju färre svarande, desto bredare intervall.`,
    readingSuppressed: (minBase, maxSmall) =>
      `Två punkter (..) betyder att andelen inte redovisas, därför att färre än ${minBase} har svarat eller för att bara 1–${maxSmall} har svarat ja (eller nej). Det skyddar de svarande. Två punkter inom parentes, (..), betyder att andelen döljs för att ett annat dolt värde annars skulle kunna räknas fram ur summorna. Ett streck (–) betyder att uppgift saknas och en punkt (.) att uppgiften inte är tillämplig.`,
    readingCaution: (base) =>
      `Tolka med försiktighet (*) står vid resultat som bygger på färre än ${base} svarande: osäkerheten är då stor, och enstaka svar påverkar andelen mycket.`,
    readingSignificant: (alpha, adjusted) =>
      `Statistiskt säkerställd betyder att en skillnad eller förändring är så stor att den sannolikt inte beror på slumpen (${adjusted ? 'det justerade p-värdet' : 'p-värdet'} är under ${alpha}). Att en förändring inte är statistiskt säkerställd betyder inte att ingenting har hänt, bara att underlaget inte räcker för att säga det. I små grupper är det vanligt.`,
    readingMultiplicity: (alphaPercent) =>
      `Rapporten bygger på många jämförelser, och bland många jämförelser blir några skillnader stora av ren slump. Därför justeras p-värdena för antalet jämförelser (Benjamini–Hochbergs metod), så att högst omkring ${alphaPercent} procent av de skillnader som kallas statistiskt säkerställda kan väntas vara slumpträffar.`,
    readingPp:
      'Skillnader mellan andelar anges i procentenheter: från 10 till 15 procent är en ökning med 5 procentenheter. Skillnaden räknas från de avrundade andelar som visas, så att talen alltid går ihop.',
    pooledWaves: (range) => `Mätningarna ${range} redovisas sammanslagna för att grupperna ska bli stora nog att redovisa.`,
    pooledNoChange: (range) => `Mätningarna ${range} redovisas sammanslagna, så rapporten visar ingen utveckling mellan dem.`,
    pooledGrades: 'Årskurserna redovisas sammanslagna för att grupperna ska bli stora nog att redovisa.',
    utsatthetIntro: (wave, byGrade) =>
      `Kapitlet redovisar andelen som uppgav att de utsatts för olika former av våld vid mätningen ${wave}, efter kön${byGrade ? ' och årskurs' : ''}.`,
    otrygghetIntro: (wave) => `Kapitlet redovisar otrygghet vid mätningen ${wave}.`,
    utovandeIntro: (wave, sections) =>
      `Kapitlet redovisar ${{ both: 'egen användning av våld och attityder till våld', utovande: 'egen användning av våld', attityder: 'attityder till våld' }[sections]} vid mätningen ${wave}.`,
    utvecklingMembers: (area) => `Några kommuner i ${area} saknar svarande vid någon mätning (se antalet svarande per mätning), så jämförelserna över tid gäller inte samma kommuner: tolka dem med försiktighet.`,
    utvecklingIntro: (range) =>
      `Kapitlet visar hur nyckeltalen har utvecklats över mätningarna ${range}. Den senaste mätningen jämförs med den föregående och, när det finns minst tre mätningar, med den första; över minst tre mätningar prövas också en trend.`,
    countyIntro: (area, county, wave) =>
      `Här jämförs ${area} med övriga länet, det vill säga ${county} utan ${area}, vid mätningen ${wave}. Skillnaden anges i procentenheter.`,
    factorsIntro:
      'Förändringsfaktorer är förhållanden som ökar (riskfaktorer) eller minskar (skyddsfaktorer) risken att någon utsätts för eller utövar våld. Handboken ordnar dem efter den socialekologiska modellens fyra nivåer: individ, relation, närmiljö och samhälle. Kapitlet är ett underlag för steg 3, Identifiera förändringsfaktorer.',
    followUpIntro: (wave, power) =>
      `Tabellen ger utgångsvärden från mätningen ${wave} för de indikatorer som ska följas upp i steg 5. Minsta upptäckbara förändring är den minsta förändring som nästa mätning, med lika många svarande och samma upplägg, kan visa som statistiskt säkerställd med ${power} sannolikhet. Mindre förändringar kan ha skett men går inte att belägga.`,
    followUpHidden: (hidden, wave) =>
      `${hidden.map(({ labels, reason }) => `${list(labels.map((l) => `”${l}”`))} ska följas upp, men har inget utgångsvärde från mätningen ${wave} som kan redovisas: ${reason}.`).join(' ')} Ett utgångsvärde kan tas fram när fler har svarat, till exempel genom att mätningar slås samman.`,
    followUpGoals:
      'Mätbara mål bör vara minst så stora som den minsta upptäckbara förändringen. Förebyggande arbete gör ofta att mer våld kommer fram, så en ökning av uppgiven utsatthet behöver inte betyda att arbetet har misslyckats.',
    appendixTablesIntro: 'Tabellerna visar varje indikator för alla grupper och mätningar: andel, konfidensintervall och antal svarande (n).',
    questionItem: (label, question, answers) => `${label}: ${question === null ? '' : `”${question}” `}${answers}`,
    yesAnswers: (items) => `Räknas som ja: ${items}.`,
    noAnswers: (items) => `Räknas som nej: ${items}.`,
    anyOf: (items) => `Ja om något av följande gäller: ${items}.`,
    allOf: (items) => `Ja om allt av följande gäller: ${items}.`,
    populationWho: {
      question: (question, values) => {
        const q = question === null ? 'en annan fråga i enkäten' : `frågan ”${question}”`;
        return values === null ? `en del av eleverna, utifrån svaret på ${q}` : `elever som svarat ${values} på ${q}`;
      },
      indicator: (label, answer) => `dem som svarat ${answer === 'yes' ? 'ja' : 'nej'} på ”${label}”`,
    },
    onlyFor: (who) => `Gäller bara ${who}.`,
    missingAnswers: (items) => `Räknas som inget svar (ingår inte i andelen): ${items}.`,
    checkbox: (emptyIsNo) =>
      emptyIsNo
        ? 'En kryssruta: den som inte kryssat i den räknas som nej, den som inte kryssat i någon av frågans rutor som inget svar (ingår inte i andelen).'
        : 'En kryssruta: den som inte kryssat i någon av frågans rutor räknas som inget svar (ingår inte i andelen).',
    severalNo: (answers, other) =>
      `Flera svar kunde kryssas i: den som bara kryssat i andra (${answers}${other === 'no' ? ' eller ett annat svar' : ''}) räknas som nej.${other === 'missing' ? ' Den som bara har ett annat svar än dessa räknas som inget svar (ingår inte i andelen).' : ''}`,
    codesOnly: 'Svarsalternativen finns bara som sifferkoder i data.',
    noQuestion: 'Frågetexten finns inte i underlaget.',
    aspectPopulation: (who, labels) =>
      labels === null ? `Andelarna i avsnittet gäller bara ${who}.` : `Andelarna för ${list(labels.map((l) => `”${l}”`))} gäller bara ${who}.`,
    groupsIntro: (wave, variables) =>
      `Kapitlet visar nyckeltalen vid mätningen ${wave} efter ${list(variables)}: för alla i varje grupp och efter kön. Den som inte har besvarat frågan om ${variables.length === 1 ? 'gruppen' : 'en grupp'} ingår inte i den gruppens redovisning. Skillnaderna mellan grupperna har inte prövats statistiskt; konfidensintervallen visar hur osäker varje andel är, och i små grupper är osäkerheten stor.`,
    groupsHidden: (area, variable) => `Grupperna efter ${variable} är för små i ${area} för att nyckeltalen ska kunna redovisas.`,
    groupsValues: (label, shown, hidden, base) => {
      const quoted = (xs: string[]) => list(xs.map((x) => `”${x}”`));
      const parts = [shown.length > 0 ? `”${label}”: ${list(shown.map((x) => `${x.value} (${x.ci}) i gruppen ”${x.group}”`))}.` : `”${label}”:`];
      if (hidden.length > 0) parts.push(`${shown.length > 0 ? 'Andelen' : 'andelen'} redovisas inte för ${hidden.map((h) => `${quoted(h.groups)}: ${h.reason}`).join('; för ')}.`);
      const small = shown.filter((x) => x.caution).map((x) => x.group);
      if (small.length > 0) parts.push(`Tolka med försiktighet för ${quoted(small)}: färre än ${base} svarande.`);
      return parts.join(' ');
    },
    associationsIntro: (outcomes) =>
      `Under varje nivå visas också andelen för ${list(outcomes.map((o) => `”${o}”`))} bland elever med och utan faktorn. Ett sådant samband visar bara att två förhållanden förekommer tillsammans, inte att faktorn är orsaken: båda kan till exempel hänga ihop med något tredje. Enligt handboken är en faktor som hänger samman med våld en möjlig utgångspunkt för förebyggande insatser, inte ett bevis på en orsak.`,
    referencesIntro: (area, wave) =>
      `Här jämförs ${area} vid mätningen ${wave} med referensvärden från andra undersökningar. De har egna frågor, urval och år, så jämförelsen är ungefärlig. En skillnad prövas statistiskt bara när referensvärdets osäkerhet (ett konfidensintervall eller antalet svarande) är känd; annars redovisas värdena utan prövning.`,
    referenceSet: (label, source) => `Referensvärdena ${label} kommer från: ${source}.`,
    profileIntro: (county, wave, high, low, adjusted, alpha) =>
      `Tabellerna visar andelen för varje indikator och kommun vid mätningen ${wave}, och för hela ${county}. ${high} betyder att kommunens andel är statistiskt säkerställt högre än i övriga länet och ${low} att den är lägre (${adjusted ? 'justerat p-värde' : 'p-värde'} under ${alpha}); markerade celler har också en färgad bakgrund. En kommun utan markering kan ändå skilja sig från länet: skillnaden kan bara inte beläggas. Två punkter (..) betyder att andelen inte redovisas.`,
    methodAssociations:
      'Samband mellan förändringsfaktorer och andra indikatorer prövas som kvoten mellan andelen bland elever med faktorn och andelen bland övriga som besvarat frågan, med hänsyn till urvalsdesignen och till att båda grupperna kommer från samma urval (kvotens logaritm, deltametoden). När alla eller ingen i en av grupperna har svarat ja prövas skillnaden med en gemensam andel som för andra jämförelser, och kvoten får inget intervall.',
    methodReferences:
      'Jämförelser med referensvärden från andra undersökningar prövas som skillnader mellan två oberoende urval, och bara när referensvärdets osäkerhet är känd: standardfelet räknas ur referensvärdets konfidensintervall eller, när bara antalet svarande är känt, som för ett enkelt slumpmässigt urval.',
    methodTests: ({ county, clusters, strata, waves }) =>
      [
        `Skillnader mellan könen${county ? ' och mellan kommunen och övriga länet' : ''} i samma mätning prövas med hänsyn till urvalsdesignen${
          clusters
            ? `: grupperna kan gå i samma skolor${strata ? ' eller höra till samma strata' : ''}, och det samband det ger räknas in (designbaserad kontrast).`
            : strata
              ? ': grupperna kan höra till samma strata, och det samband det ger räknas in (designbaserad kontrast).'
              : ' (designbaserad kontrast).'
        }`,
        ...(waves >= 2 ? ['Förändringar mellan två mätningar prövas som skillnader mellan två oberoende urval.'] : []),
        'När alla eller ingen i en av grupperna har svarat ja prövas skillnaden i stället med en gemensam andel för båda grupperna och varje grupps designeffekt, och intervallet beräknas med Newcombes metod; annars skulle den gruppen felaktigt se ut att sakna osäkerhet.',
        ...(waves >= 3 ? ['Trender över minst tre mätningar prövas med logistisk regression på år som tar hänsyn till urvalsdesignen.'] : []),
        ...(waves >= 2 ? ['Ingen trend eller jämförelse går över en mätning där frågan ändrades.'] : []),
      ].join(' '),
    methodMultiplicity: (count, adjusted, alpha, expected) =>
      count === '1'
        ? `Rapportens slutsatser om statistiskt säkerställda skillnader, förändringar och trender bygger på en prövning, och statistiskt säkerställd betyder att dess p-värde är under ${alpha}.`
        : adjusted
          ? `Rapportens slutsatser om statistiskt säkerställda skillnader, förändringar och trender bygger på ${count} prövningar. P-värdena är justerade för antalet prövningar med Benjamini–Hochbergs metod, och statistiskt säkerställd betyder att det justerade p-värdet är under ${alpha}.`
          : `Rapportens slutsatser om statistiskt säkerställda skillnader, förändringar och trender bygger på ${count} prövningar. P-värdena är inte justerade för antalet prövningar: även om det inte fanns några verkliga skillnader skulle ${expected === null ? `var och en av dem bli statistiskt säkerställd av ren slump med sannolikheten ${alpha}` : `omkring ${expected} av dem bli statistiskt säkerställda av ren slump`}.`,
    methodNoTests: 'Rapporten innehåller inga prövningar av skillnader, förändringar eller trender: de andelar som skulle jämföras redovisas inte, eller finns inte.',
    methodDisclosure: (minBase, maxSmall, secondary) =>
      `Andelar redovisas inte när färre än ${minBase} har svarat, eller när 1–${maxSmall} svarande har svarat ja (eller nej).${secondary ? ' Ytterligare värden döljs när ett dolt värde annars skulle kunna räknas fram ur summor.' : ''}`,
    countyOverviewIntro: (county, count, wave) =>
      `Översikten jämför ${count} kommuner i ${county} vid mätningen ${wave}. Varje kommun jämförs med övriga länet, det vill säga länet utan kommunen själv.`,
    countyComparisonNote: (county) => `Referenslinjen visar värdet för hela ${county}.`,
    countyMissing: (county) => `Figurtabellen saknar värden för ${county} som helhet.`,
  },

  population: {
    caption: (area) => `Svarande av eleverna per grupp och mätning, ${area}`,
    cell: (n, pupils, rate) => `${n} av ${pupils} (${rate})`,
    cellFormat: 'Antal svarande av antalet elever i gruppen, med svarsfrekvensen inom parentes.',
    withheld: (minBase, maxSmall) =>
      `.. = redovisas inte: gruppen har färre än ${minBase} elever, eller bara ${`1–${maxSmall}`.replace(/^1–1$/, '1')} elever svarade eller lät bli att svara.`,
    notRated: 'De övriga hör inte till någon av grupperna och ingår inte i svarsfrekvensen, men de finns med i elevantalen, så svarsfrekvensen kan vara något lägre än den verkliga.',
    sentence: (rate, pupils, pooled, grades, counted) =>
      `${counted === null ? 'Det' : `De ${counted}`} är ${rate} av de ${pupils} eleverna${pooled ? ' vid mätningarna sammanlagt' : ''}${grades.length > 0 ? `: svarsfrekvensen var ${list(grades)}` : ''}.`,
    gradeRate: (rate, grade) => `${rate} i ${grade.toLowerCase()}`,
    lowTitle: 'Låg svarsfrekvens',
    low: (groups, poststratified) => {
      const one = groups.length === 1 ? groups[0]! : null;
      const first =
        one === null
          ? `Färre än hälften av eleverna svarade på enkäten i dessa grupper: ${list(groups.map((g) => `${g.group === null ? 'alla elever' : lowerFirst(g.group)} (${g.rates})`))}.`
          : one.group === null
            ? `Färre än hälften av eleverna svarade på enkäten (${one.rates}).`
            : `Färre än hälften av eleverna i gruppen ${lowerFirst(one.group)} svarade på enkäten (${one.rates}).`;
      const whose = groups.some((g) => g.group === null) ? 'rapportens' : one === null ? 'de gruppernas' : 'gruppens';
      return `${first} När så många inte svarar kan resultaten bli missvisande, eftersom de som inte svarade kan ha andra erfarenheter av våld än de som svarade. Läs ${whose} siffror med det i minnet.${
        poststratified ? ' Efterstratifieringen rättar för att grupperna svarade i olika grad, men inte för skillnader inom en grupp mellan dem som svarade och dem som inte gjorde det.' : ''
      }`;
    },
    lowRate: (rate, wave) => `${rate} ${wave}`,
    lowTotal: (area, rate, wave) =>
      `Bara ${rate} av eleverna i ${area} svarade på enkäten vid mätningen ${wave}. När så många inte svarar kan resultaten bli missvisande, eftersom de som inte svarade kan ha andra erfarenheter av våld än de som svarade. Svarsfrekvensen i varje grupp finns i kapitlet Om undersökningen.`,
    methodSource: (source, byGrade) =>
      `Svarsfrekvensen räknas mot antalet elever per kommun, kön${byGrade ? ' och årskurs' : ''}${source === null ? ' (källan till elevantalen anges inte)' : ` enligt ${source}`}.`,
    methodResponse:
      'Svarsfrekvensen är andelen av eleverna i gruppen som besvarade enkäten, oavsett hur många av frågorna de svarade på. Den visar hur väl svaren kan antas spegla alla elever: ju lägre svarsfrekvens, desto större är risken att de som inte svarade skiljer sig från dem som svarade, och den osäkerheten syns inte i konfidensintervallen.',
    methodPoststratified: (byGrade) =>
      `Svaren är efterstratifierade: vikterna är justerade så att varje kombination av kommun, kön${byGrade ? ' och årskurs' : ''} väger lika mycket i resultaten som den gör bland eleverna. Det rättar för att grupperna svarade i olika grad, men bara för det: om de som inte svarade inom en grupp har andra erfarenheter än de som svarade, rättar vikterna inte det. Osäkerheten är beräknad med hänsyn till efterstratifieringen. Elever som inte angett kön${byGrade ? ' eller årskurs' : ''}, eller som angett ett kön som inte redovisas, hör inte till någon av grupperna; deras vikter justeras lika mycket som de övriga svarandes i kommunen i genomsnitt.`,
    methodFpc: (clusters) =>
      `Osäkerheten är beräknad med ändlig populationskorrektion: undersökningen omfattar en känd andel av ${clusters ? 'skolorna (eller de andra enheter som svaren samlats in från)' : 'eleverna'} i varje stratum, och ju större andel som undersökts, desto mindre är osäkerheten. Ett stratum där alla har undersökts bidrar inte alls till den. Konfidensintervallen beskriver alltså osäkerheten om hur det såg ut bland eleverna vid mätningen, inte i en tänkt större grupp av elever.`,
  },

  withheld: {
    reason: (kind, minBase, maxSmall) =>
      ({
        base: `färre än ${minBase} har svarat`,
        'small-count': `bara 1–${maxSmall} har svarat ja (eller nej), och så små antal visas inte`,
        secondary: 'andelen döljs för att ett annat dolt värde inte ska kunna räknas fram',
      })[kind],
    indicator: (label, wave, reason, groups) => `”${label}” redovisas inte för ${wave}${groups === null ? '' : `, varken totalt eller för ${groups}`}: ${reason}.`,
    groups: (hidden) => `Andelen redovisas inte för ${hidden.map((h) => `${h.groups}: ${h.reason}`).join('; för ')}.`,
    change: (label, from, to, hidden, reason) => `”${label}” kan inte jämföras mellan ${from} och ${to}, eftersom andelen för ${hidden} inte redovisas: ${reason}.`,
    keyFigures: (labels, wave, reason) =>
      `${labels.length === 1 ? 'Nyckeltalet' : 'Nyckeltalen'} ${list(labels.map((l) => `”${l}”`))} redovisas inte för ${wave}: ${reason}.`,
    manyTitle: 'De flesta andelar kan inte redovisas',
    many: (area, hidden, total, respondents, remedies) =>
      `${area} har få svarande (${respondents} vid den senaste mätningen), så ${hidden} av de ${total} andelar som rapporten skulle visa redovisas inte (..): de döljs för att skydda de svarande, och i så små grupper blir andelarna mycket osäkra.${remedies.length === 0 ? '' : ` Fler andelar kan redovisas om ${remedies.join(' eller om ')}.`}`,
    manyProtecting: (area, hidden, total, others, remedies) =>
      `${hidden} av de ${total} andelar som rapporten skulle visa för ${area} redovisas inte (..): de flesta döljs för att andra dolda värden${others ? `, i ${area} eller i länets andra kommuner,` : ''} inte ska kunna räknas fram ur summorna.${remedies.length === 0 ? '' : ` Fler andelar kan redovisas om ${remedies.join(' eller om ')}.`}`,
    remedyWaves: (years) => `mätningarna ${years} slås samman (lagesbild report --pool-waves)`,
    remedyAreas: 'kommunen redovisas tillsammans med närliggande kommuner (lagesbild report --pool)',
    remedyGrades: 'årskurserna redovisas tillsammans (lagesbild report --pool-grades)',
  },

  goals: {
    section: 'Mål',
    basis: 'Utgångsvärden för nya mål',
    intro: (level) =>
      `Rapporten följer upp mätbara mål för indikatorerna nedan. För varje mål jämförs den senaste mätningen med utgångsläget och med en jämn takt från utgångsläget till målet. Målet är nått när hela det ${level}-procentiga konfidensintervallet ligger på rätt sida om målet. Före målåret är utvecklingen på väg mot målet när förändringen sedan utgångsläget är statistiskt säkerställd i rätt riktning och kan vara minst så stor som en jämn takt kräver, och inte i takt med målet när hela konfidensintervallet för förändringen ligger på fel sida om den takten. Från målåret är målet inte nått när hela konfidensintervallet ligger på fel sida om målet. I övriga fall är det ännu inte möjligt att säga: osäkerheten rymmer mer än ett av svaren.`,
    caption: (area, wave) => `Mål och hur långt ${area} har kommit, ${wave}`,
    columns: {
      goal: 'Mål',
      baseline: 'Utgångsvärde (%)',
      latest: (level) => `Senaste mätningen (%, ${level} KI)`,
      change: (level) => `Förändring, procentenheter (${level} KI)`,
      target: 'Målvärde (%)',
      status: 'Status',
    },
    title: (label, group) => (group === null ? label : `${label}, ${group.toLowerCase()}`),
    targetCell: (good, value, year) => `${good === 'lower' ? 'högst' : 'minst'} ${value} (${year})`,
    status: {
      reached: 'Målet är nått',
      on_track: 'På väg mot målet',
      not_on_track: 'Inte i takt med målet',
      not_reached: 'Målet är inte nått',
      uncertain: 'Ännu inte möjligt att säga',
    },
    statement: (good, target, year) => `Målet är att andelen ska vara ${good === 'lower' ? 'högst' : 'minst'} ${target} senast ${year}.`,
    values: (y0, v0, y1, v1, ci) => `Utgångsvärdet ${y0} var ${v0}, och ${y1} var andelen ${v1} (${ci}).`,
    latestOnly: (y1, v1, ci) => `${y1} var andelen ${v1} (${ci}).`,
    change: (dir, y0, size, ci, p) =>
      dir === 'none'
        ? `Förändringen sedan ${y0}, ${size} (${ci}), är inte statistiskt säkerställd${p === null ? '' : ` (${p})`}.`
        : `${dir === 'fall' ? 'Minskningen' : 'Ökningen'} sedan ${y0} på ${size} (${ci}) är statistiskt säkerställd${p === null ? '' : ` (${p})`}.`,
    explain: {
      reached: (good, target) => `Hela konfidensintervallet ligger ${good === 'lower' ? 'under' : 'över'} ${target}.`,
      notReached: (good, target, year) => `Målåret ${year} har kommit, och hela konfidensintervallet ligger ${good === 'lower' ? 'över' : 'under'} ${target}.`,
      onTrack: (good, required, year) =>
        `Andelen har ${good === 'lower' ? 'minskat' : 'ökat'} statistiskt säkerställt, och ${good === 'lower' ? 'minskningen' : 'ökningen'} kan vara minst så stor som den som en jämn takt mot målet kräver till ${year} (${required}).`,
      notOnTrack: (good, required, year) =>
        `En jämn takt mot målet kräver en ${good === 'lower' ? 'minskning' : 'ökning'} på ${required} till ${year}, och även den största ${good === 'lower' ? 'minskning' : 'ökning'} som konfidensintervallet för förändringen rymmer är mindre än så.`,
      wrongWay: (good, required, year) =>
        `Andelen har i stället ${good === 'lower' ? 'ökat' : 'minskat'}, statistiskt säkerställt, medan en jämn takt mot målet kräver en ${good === 'lower' ? 'minskning' : 'ökning'} på ${required} till ${year}.`,
      uncertainChange: (good, required, year) =>
        `Osäkerheten rymmer både att andelen är oförändrad och att den har ${good === 'lower' ? 'minskat' : 'ökat'} så mycket som en jämn takt mot målet kräver till ${year} (${required}).`,
      uncertainTarget: (ci, target) => `Konfidensintervallet (${ci}) rymmer målet ${target}.`,
      noChange: 'Det finns ännu ingen senare mätning att jämföra utgångsläget med.',
      pooled: 'Mätningarna är sammanslagna, så ingen förändring sedan utgångsläget kan mätas. Rapportera utan --pool-waves för att följa målet.',
    },
    remaining: (good, left, mdc, detectable) =>
      `Till målet återstår en ${good === 'lower' ? 'minskning' : 'ökning'} på ${left}. Nästa mätning kan, med lika många svarande och samma upplägg, visa en förändring på ungefär ${mdc} som statistiskt säkerställd; ${detectable ? 'en förändring lika stor som den som återstår går alltså att belägga' : 'en förändring lika stor som den som återstår går alltså inte att belägga med en mätning'}.`,
    pastTarget: (mdc) =>
      `Andelen ligger redan vid målet eller på rätt sida om det, men osäkerheten är för stor för att säga att målet är nått. Nästa mätning kan visa en förändring på ungefär ${mdc} som statistiskt säkerställd.`,
    noGroup: (titles, area, wave) =>
      `${titles.length === 1 ? 'Målet' : 'Målen'} ${list(titles)} följs inte upp här: ${area} har inga svarande i ${titles.length === 1 ? 'gruppen' : 'grupperna'} vid mätningen ${wave}.`,
    hidden: (title, wave, reason) => `Målet ”${title}” kan inte följas upp för ${wave}: ${reason}.`,
    finding: (title, status, good, target, year) => `${title} – målet ${good === 'lower' ? 'högst' : 'minst'} ${target} senast ${year}: ${status.charAt(0).toLowerCase()}${status.slice(1)}.`,
  },

  sources: {
    chapter: 'Andra källor',
    chapterGuide: 'uppgifter från andra källor än enkäten, till exempel anmälda brott',
    intro:
      'Handboken beskriver våld utifrån flera källor, inte bara en enkät. Här redovisas uppgifter från andra källor som kommunen har lagt till. De gäller fall som har kommit till någon myndighets eller verksamhets kännedom, till exempel anmälda brott eller ärenden hos socialtjänsten, och visar inte hur många som har utsatts för våld. Fler fall kan betyda att mer våld upptäcks och anmäls, till exempel efter förebyggande arbete, och inte att mer våld förekommer. Uppgifterna redovisas som källan anger dem: inga konfidensintervall eller tester beräknas för dem.',
    note: 'Fall som kommit till kännedom, inte hur många som utsatts: fler fall kan betyda att mer våld upptäcks och anmäls.',
    axis: 'Antal',
    caption: (title, unit) => (unit === null ? title : `${title}, ${unit}`),
  },

  followUpProfile: {
    title: (area) => `Uppföljning: våld – ${area}`,
    subtitle: (years, withGoals) => `Uppföljning av ${withGoals ? 'mål och förändringar' : 'förändringar'}, enkätresultat ${years}`,
    chapterTitle: 'Mål och uppföljning',
    chapterGuide: 'målen, hur långt kommunen har kommit och vad nästa mätning kan visa',
    reportPlace: (withGoals) =>
      `Rapporten är en uppföljning enligt steg 5, Implementera, följ upp och sprid: den jämför den senaste mätningen med utgångsläget${withGoals ? ' och med de mätbara mål som rapporten följer upp' : ''}. Uppföljningen av hur insatserna har genomförts (produktion och process) hör också till steg 5; den kan läggas till som kommunens egen text. Förebyggande arbete gör ofta att mer våld kommer fram, så en ökning av uppgiven utsatthet behöver inte betyda att arbetet har misslyckats.`,
  },

  own: {
    label: 'Kommunens egen text',
    chapterTitle: 'Kommunens egen text',
    chapterGuide: 'kommunens egen text',
  },
};
