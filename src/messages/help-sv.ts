// `--help` in Swedish. The English help stays beside each flag in the command definitions
// (src/cli/commands); this table gives the Swedish for each of them, looked up by
// "<command> <flag>", else by the flag alone for the flags several commands share
// ("--config"), and "<command> (after)" for the examples below a command's flags.
// test/cli/help-sv.test.ts fails when a flag has no Swedish here, or a key names no flag.

/** Commander's own words in the help (headings, the help flag, "default:", "choices:"). */
export const HELP_WORDS_SV = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Gemensamma flaggor:',
  help: 'visa hjälp för kommandot',
  helpCommand: 'visa hjälp för ett kommando',
  default: 'standard',
  choices: 'val',
  usageOptions: '[flaggor]',
  usageCommand: '[kommando]',
} as const;

export const HELP_SV: Record<string, string> = {
  // ── the program and the flags every command shares ──────────────────────────────────────
  lagesbild: 'Lägesbilder om våld för Sveriges kommuner: enkätfiler → statistik → PDF och HTML.',
  'lagesbild --version': 'visa versionsnumret',
  'lagesbild --quiet': 'bara fel och varningar',
  'lagesbild --verbose': 'berätta vad som görs och hur lång tid det tar',
  'lagesbild --no-color': 'ingen färg (inte heller när NO_COLOR är satt eller utdata inte går till en terminal)',
  'lagesbild --debug': 'visa stackspåret vid ett fel',
  '<files>': 'enkätfiler (CSV, .xlsx, .sav, .zsav; en rad per svarande); flera filer eller ett mönster som "data/**/*.csv"; - läser standard in',
  '--config': 'inställningsfilen',
  '--out': 'mapp att skriva till',
  '--force': 'ersätt filer som redan finns',
  '--encoding': 'ange textkodningen (CSV, SPSS) i stället för att gissa den eller läsa den ur filen',
  '--delimiter': 'ange kolumnavgränsaren i CSV i stället för att gissa den',
  '--sheet': 'Excel: bladet som ska läsas (standard: det första)',
  '--year': 'enkätåret, för data utan årskolumn (standard: årtalet i varje fils namn)',
  '--area-name': 'kommunen, för data utan kommunkolumn (eller project.area i inställningsfilen)',
  '--pool-waves': 'redovisa alla mätningar tillsammans (märkt som sammanslaget)',
  '--pool-grades': 'dela inte upp efter årskurs',
  '--pool': 'redovisa flera små kommuner tillsammans som en enhet, t.ex. "Norra skogsbygden=Tallmo+Källarp" (kan upprepas)',
  '--date': 'rapportens datum (standard: SOURCE_DATE_EPOCH, annars i dag)',
  '--format': 'rapportfiler att skriva, kommaseparerade: pdf, html, docx (Word)',
  '--profile':
    'lagesbild (lägesbild, handbokens steg 2) eller uppfoljning (uppföljning, steg 5: mål och förändringar först); standard project.profile',
  '--excel-sv': 'siffertabellen som CSV för svenskt Excel: svenska rubriker, semikolon, decimalkomma, Ja/Nej, UTF-8 med BOM',
  '--xlsx': 'siffertabellen som Excel-arbetsbok (figures.xlsx): alla siffror och ett lättläst blad per indikator',

  // ── report ──────────────────────────────────────────────────────────────────────────────
  report: 'skriv en kommuns lägesbild (PDF och HTML; Word med --format docx)',
  'report --area': 'kommunen som rapporten gäller (behövs när data har flera)',
  'report --lang': 'rapportens språk: sv eller en (standard: inställningsfilens, annars sv)',
  'report --force': 'ersätt rapportfiler som redan finns',
  'report (after)': `
Exempel:
  lagesbild report data/enkat-*.csv -c lagesbild.yaml --area Ängsby -o rapporter
  → rapporter/Ängsby-2019-2023.pdf och .html
  lagesbild report data/enkat-*.csv --area Ängsby --format docx
  → out/Ängsby-2019-2023.docx (Word: redigerbar, med rubrikformat, tabeller och diagram)
  lagesbild report data/enkat-*.csv --area Ängsby --profile uppfoljning
  → out/Ängsby-2019-2023-uppfoljning.pdf och .html (uppföljning: mål och förändringar först)
`,

  // ── figures ─────────────────────────────────────────────────────────────────────────────
  figures: 'skriv hela siffertabellen (varje skattning, jämförelse och trend) som CSV, JSON eller Excel',
  'figures <files>': 'enkätfiler (CSV, .xlsx, .sav, .zsav); mönster som "data/**/*.sav"; - läser standard in',
  'figures --format': 'filformat',
  'figures --json': 'skriv posterna som JSON till standard ut i stället för till en fil',
  'figures --force': 'ersätt en siffertabell som redan finns',
  'figures (after)': `
Exempel:
  lagesbild figures data/*.csv -c lagesbild.yaml --excel-sv -o tabeller
  → tabeller/figures.csv (öppna i Excel: kolumnerna delade, decimalkomma)
  lagesbild figures data/*.csv -c lagesbild.yaml --xlsx -o tabeller
  → tabeller/figures.xlsx (alla siffror med talformat, ett blad per indikator)

Kolumnerna beskrivs i README under "The figures table".
`,

  // ── batch ───────────────────────────────────────────────────────────────────────────────
  batch: 'rapporter för varje kommun, en länsöversikt och siffertabellen, i en körning',
  'batch <files>':
    'enkätfiler (CSV, .xlsx, .sav): en per kommun eller mätning, eller en med alla (mönster som "data/**/*.csv" fungerar; - läser standard in)',
  'batch --jobs': 'rapporter som skapas samtidigt (standard: antalet kärnor; 1 på två kärnor eller färre, där ett jobb redan ritar sina diagram i en andra tråd)',
  'batch --shard': 'bara den i:te av n lika stora delar av kommunerna (för att dela arbetet mellan CI-körningar)',
  'batch --json': 'skriv en maskinläsbar sammanfattning (status, filer med sha256, tid) till standard ut',
  'batch --lang': 'rapporternas språk: sv eller en',
  'batch --no-county': 'ingen länsöversikt',
  'batch (after)': `
Exempel:
  SOURCE_DATE_EPOCH=1700000000 lagesbild batch 'data/*.csv' -c lagesbild.yaml -o rapporter --json > summary.json
  → rapporter/<kommun>/<kommun>-2019-2023.pdf/.html, rapporter/<län>/…, rapporter/figures.csv
  lagesbild batch 'data/*.csv' --format pdf,docx --xlsx -o rapporter
  → …/<kommun>-2019-2023.pdf/.docx, rapporter/figures.xlsx

Slutkod 0 när alla rapporter skrevs, 7 när några misslyckades (de andra skrivs).
`,

  // ── validate ────────────────────────────────────────────────────────────────────────────
  validate: 'granska enkätfiler mot inställningsfilen: varje problem med fil:rad:kolumn, räknat; svarande per grupp; saknade svar',
  'validate --json': 'skriv resultatet som JSON (för CI); meddelandena på engelska om inte --lang anges',
  'validate --lang': 'sammanfattningens språk: sv eller en (standard: från LANG, annars en)',
  'validate (after)': `
Slutkoder: 0 data kan redovisas · 3 inställningsfilen är ogiltig eller stämmer inte med
kolumnerna · 4 en fil kan inte läsas · 5 rader har problem som måste rättas först.

Exempel:
  lagesbild validate data/enkat-*.csv -c lagesbild.yaml
`,

  // ── init ────────────────────────────────────────────────────────────────────────────────
  init: 'skapa en kommenterad lagesbild.yaml från en enkätfil: föreslår kolumner, indikatorer och svar, frågar om det den inte kan avgöra',
  'init <file>': 'en enkätfil (en rad per svarande): CSV, Excel (.xlsx) eller SPSS (.sav, .zsav)',
  'init --out': 'vart inställningsfilen ska skrivas (standard: lagesbild.yaml bredvid enkätfilen)',
  'init --force': 'ersätt en inställningsfil som redan finns',
  'init --yes': 'godta varje förslag utan att fråga (behövs utan terminal)',
  'init --no-input': 'fråga aldrig, inte heller i en terminal (använd med --yes)',
  'init --no-texts': 'ingen mapp texts/ för kommunens egna texter (standard: erbjuds, och skrivs med --yes)',
  'init --area-column': 'kommunkolumnen ("none" om den saknas)',
  'init --year-column': 'kolumnen med år (mätning) ("none" om den saknas)',
  'init --gender-column': 'kolumnen med kön',
  'init --grade-column': 'kolumnen med årskurs ("none" om den saknas)',
  'init --weight-column': 'kolumnen med vikter ("none" om den saknas)',
  'init --id-column': 'kolumnen med de svarandes id ("none" om den saknas)',
  'init --county': 'länet eller regionen som kommunen jämförs med (standard "Länet")',
  'init --definition': 'kommunens definition av våld (standard: mallens förslag, efter WHO)',
  'init --definition-agreed': 'samverkansparterna har enats om --definition (rapporten säger det då)',
  'init --answered-in': 'en årskolumn med läsår (2022/23): enkäten besvarades på våren (läses som 2023) eller hösten (2022)',
  'init --lang': 'frågornas språk: sv eller en (standard: från LANG, annars en)',
  'init (after)': `
Exempel:
  lagesbild init data/enkat-2023.csv                  (frågar, skriver sedan data/lagesbild.yaml)
  lagesbild init data/enkat-2023.csv --yes --no-input --county "Norrbacka län" -o lagesbild.yaml
`,

  // ── example, schema ─────────────────────────────────────────────────────────────────────
  example: 'kopiera det medföljande syntetiska exemplet (enkätfiler, lagesbild.yaml med elevantal och referensvärden, en egen text och en annan källa) till en mapp',
  'example <dir>': 'vart det ska kopieras',
  'example --force': 'ersätt filer som redan finns',
  'example (after)': `
Exempel:
  lagesbild example mitt-test
  cd mitt-test && lagesbild report data/*.csv --area Ängsby
`,
  schema: 'skriv inställningsfilens JSON Schema (för komplettering i editorn)',
  'schema (after)': `
Exempel:
  lagesbild schema > lagesbild.schema.json
`,
};
