// Den svenska katalogen: samma meddelanden som en.ts, med samma id och parametrar.
import type { ShownCell } from '../ingest/near-miss.js';
import type { CliTexts, InitTexts, RunTexts } from './texts.js';
import type { ValidateTexts } from '../validate/format.js';
import { reasonText } from '../init/explain.js';
import type { DatedColumns } from '../init/propose.js';
import { formatList } from '../text.js';
import type { Catalogue } from './en.js';

/** Ett tal som svenska skriver det: 1 000 000 (hårt mellanslag mellan tusental). */
const num = (n: number) => n.toLocaleString('sv-SE');
const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;
const list = (values: readonly string[]) => values.join(', ');
/** Konfigurationens filnamn där det är känt (configFileName). */
const inConfig = (config: string | null) => (config === null ? 'i konfigurationen' : `i ${config}`);
const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
const cell = (c: ShownCell) => ('text' in c ? `"${c.text}"` : `ett okänt värde med ${plural(c.length, 'tecken', 'tecken')}`);
/** Answers in a list: one holding a comma or semicolon ("Ja, en gång") in quotes, so the list is read right. */
const answers = (values: readonly string[]) => values.map((a) => (a === '' ? '(tomt)' : /[,;]/.test(a) ? `"${a}"` : a)).join(', ');
/** zod's type names in Swedish. */
const TYPES: Record<string, string> = { string: 'text', number: 'tal', boolean: 'sant eller falskt', object: 'avsnitt med nycklar', array: 'lista', int: 'heltal' };
const delimiterWord = (d: ',' | ';' | '\t') => (d === ',' ? 'kommatecken' : d === ';' ? 'semikolon' : 'tabbtecken');

export const sv: Catalogue = {
  'cli.error': (p) => `fel: ${p.text}`,
  'cli.warning': (p) => `varning: ${p.text}`,
  'cli.internal': (p) => `internt fel: ${p.text}`,
  'cli.bug': () => 'Det här är ett fel i lagesbild. Kör igen med --debug och rapportera utskriften (den innehåller inga enkätdata).',
  'cli.helpAfterError': () => '(kör med --help för att se hur kommandot används)',
  'cli.unknownOption': (p) => `okänd flagga '${p.flag}'${p.suggestion ? ` (menade du ${p.suggestion}?)` : ''}`,
  'cli.unknownCommand': (p) => `okänt kommando '${p.command}'${p.suggestion ? ` (menade du ${p.suggestion}?)` : ''}`,
  'cli.missingArgument': (p) => `argumentet '${p.name}' saknas`,
  'cli.missingValue': (p) => `flaggan '${p.flag}' behöver ett värde`,
  'cli.invalidChoice': (p) => `flaggan '${p.flag}': "${p.value}" är inte ett av ${p.allowed}`,
  'cli.conflict': (p) => `flaggan '${p.a}' kan inte användas tillsammans med flaggan '${p.b}'`,
  'cli.tooManyArguments': (p) => `för många argument (${num(p.count)} väntades inte)`,
  'cli.notOneOf': (p) => `"${p.value}" är inte ett av ${list(p.allowed)}`,
  'cli.lang': (p) => `--lang ska vara sv eller en, inte "${p.value}"`,
  'cli.noArea': (p) => `kommunen "${p.area}" finns inte i data`,
  'cli.chooseArea': (p) => `Välj en av: ${list(p.areas)}`,
  'cli.manyAreas': (p) => `data har ${num(p.count)} kommuner; ange vilken som ska redovisas med --area`,
  'cli.manyAreas.hint': (p) => `Välj en av: ${list(p.areas)} (eller använd \`lagesbild batch\` för alla)`,
  'cli.pool': (p) => `--pool "${p.spec}" har inte formen "Namn=Kommun1+Kommun2"`,
  'cli.jobs': (p) => `--jobs "${p.value}" är inte ett heltal från 1 till 64`,
  'cli.shard': (p) => `--shard "${p.value}" har inte formen i/n med 1 ≤ i ≤ n`,
  'cli.shard.hint': () => 'Till exempel --shard 2/4 för den andra av fyra CI-körningar',
  'cli.sameFolder': (p) => `"${p.a}" och "${p.b}" skulle skrivas till samma mapp ${p.dir}`,
  'cli.sameFolder.hint': () => 'Låt kommunnamnen i data skilja sig åt med mer än mellanslag och skiljetecken',
  'cli.date': (p) => `--date "${p.value}" är inte ett datum som finns i almanackan`,
  'cli.date.hint': () => 'Skriv datumet som ÅÅÅÅ-MM-DD med en dag som finns, till exempel 2024-03-31',
  'cli.epoch': (p) => `SOURCE_DATE_EPOCH "${p.value}" är inte ett antal sekunder sedan 1970`,
  'cli.epoch.hint': () => 'Sätt den till ett heltal som 1700000000, eller ta bort den',
  'cli.noInput': () => 'ingen datafil angiven',
  'cli.noInput.hint': () => 'Ange en eller flera enkätfiler, till exempel `lagesbild report data/*.csv` (eller - för standard in)',
  'cli.globNone': (p) => `ingen fil matchar "${p.input}"`,

  'batch.workerError': (p) => `arbetstråden stannade med ett fel: ${p.text}`,
  'batch.workerAnswer': (p) => `arbetstrådens svar gick inte att läsa: ${p.text}`,
  'batch.workerExit': (p) => `arbetstråden stannade oväntat (slutkod ${p.code})`,
  'batch.workerStopped': () => 'arbetstråden stoppades',

  'output.wouldOverwrite': (p) => `skulle skriva över ${list(p.paths)}${p.more > 0 ? ` och ${num(p.more)} till` : ''}`,
  'output.wouldOverwrite.hint': () => 'Ange --force för att ersätta dem, eller välj en annan mapp med -o',
  'output.wouldOverwrite.initHint': () => 'Ange --force för att ersätta den, eller ange en annan inställningsfil med -o',
  'output.wouldOverwrite.exampleHint': () => 'Ange --force för att ersätta dem, eller ange en annan mapp: lagesbild example <mapp>',
  'output.cannotCreateFolder': (p) => `kan inte skapa utdatamappen ${p.path}: ${p.cause} (${p.code})`,
  'output.cannotWrite': (p) => `kan inte skriva ${p.path}: ${p.cause} (${p.code})`,
  'output.inTheWay': () => 'en fil med det namnet (eller med namnet på en mapp ovanför) står i vägen',
  'output.inTheWay.hint': () => 'Välj en annan mapp med -o, eller flytta filen',
  'output.otherFolder.hint': () => 'Välj en annan mapp med -o',

  'io.EACCES': () => 'åtkomst nekad',
  'io.EROFS': () => 'filsystemet är skrivskyddat',
  'io.ENOSPC': () => 'disken är full',
  'io.ENOENT': () => 'filen eller mappen finns inte',
  'io.EISDIR': () => 'det är en mapp, inte en fil',
  'io.ENOTDIR': () => 'en del av sökvägen är en fil, inte en mapp',
  'io.EEXIST': () => 'den finns redan',
  'io.ENAMETOOLONG': () => 'namnet är för långt',
  'io.EMFILE': () => 'för många filer är öppna',
  'io.EBUSY': () => 'filen används av ett annat program (öppen i Excel eller en PDF-läsare?)',
  'io.other': () => 'ett in- eller utmatningsfel',
  'io.EACCES.write': () => 'Välj en mapp du får skriva i med -o, eller be om skrivrättighet',
  'io.EACCES.read': () => 'Be om läsrättighet till filen, eller kopiera den till en egen mapp',
  'io.EROFS.hint': () => 'Välj en mapp på en skrivbar disk med -o',
  'io.ENOSPC.hint': () => 'Frigör utrymme, eller välj en annan disk med -o',
  'io.ENAMETOOLONG.hint': () => 'Välj ett kortare mappnamn med -o',
  'io.EMFILE.hint': () => 'Stäng andra program, eller kör igen med färre --jobs',
  'io.EBUSY.hint': () => 'Stäng den och kör igen',

  'config.notFound': () => 'inställningsfilen finns inte',
  'config.notFound.hint': () => 'Ange den med -c <fil>, eller skapa en med `lagesbild init <csv>`',
  'config.cannotRead': (p) => `kan inte läsa inställningsfilen: ${p.cause} (${p.code})`,
  'config.yaml': (p) => `inte giltig YAML: ${p.detail}`,
  'config.yaml.aliasHint': () => 'Skriv ut värdena i stället för att använda YAML-alias (*namn)',
  'config.yaml.tooManyAliases': () => 'för många YAML-alias (*namn): de skulle få inställningarna att växa utan gräns',
  'config.yaml.badAlias': () => 'ett alias (*namn) hänvisar till ett ankare (&namn) som inte definierats före det',
  'config.yaml.indent': () => 'indraget passar inte ihop med raderna ovanför',
  'config.yaml.tab': () => 'ett tabbtecken används för indrag (YAML kräver mellanslag)',
  'config.yaml.missingChar': () => 'ett tecken saknas här (ett avslutande citattecken eller en parentes, eller kolon efter en nyckel)',
  'config.yaml.implicitKey': () => 'en nyckel fortsätter över flera rader, eller så saknas ett värde efter en nyckel',
  'config.yaml.unexpected': () => 'oväntad text här (ett kolon i ett värde utan citattecken?)',
  'config.yaml.documents': () => 'filen innehåller mer än ett YAML-dokument (en rad "---" mitt i)',
  'config.yaml.other': (p) => `YAML-syntaxen är trasig här (${p.code})`,
  'config.duplicateKey.plain': () => 'en nyckel finns två gånger i samma avsnitt',
  'config.duplicateKey': (p) => `nyckeln "${p.key}" finns två gånger i samma avsnitt (första gången på rad ${p.firstLine})`,
  'config.duplicateKey.hint': () => 'Behåll en av dem',
  'config.notMapping': () => 'inställningsfilen ska bestå av nycklar med värden (project, columns, groups, indicators, …)',
  'config.unknownKey': (p) => `okänd nyckel "${p.key}"`,
  'config.unknownKey.hint': () => 'Kontrollera stavningen; tillåtna nycklar finns i schema/lagesbild.schema.json',
  'config.missingKey': () => 'en nyckel som krävs saknas',
  'config.addKey': (p) => `Lägg till ${p.path}${p.allowed ? `: ett av: ${list(p.allowed)}` : ''}${p.type ? ` (${TYPES[p.type] ?? p.type})` : ''}`,
  'config.notAllowed': (p) => `${p.value} är inte tillåtet`,
  'config.useOneOf': (p) => `Använd ett av: ${list(p.allowed)}`,
  'config.expected': (p) => `väntade ${TYPES[p.expected] ?? p.expected}, hittade ${p.found}`,
  'config.quoteText': (p) => `Skriv det inom citattecken, "${p.source}": utan dem läses det inte som text (en kod som 0180 blir talet 180)`,
  'config.invalidUnion': (p) => `inte ett giltigt värde (${p.found})`,
  'config.invalidUnion.hint': () => 'Se schema/lagesbild.schema.json för de former som är tillåtna',
  'config.notEmpty': () => 'får inte vara tom',
  'config.count': (p) => `behöver ${p.least ? 'minst' : 'högst'} ${plural(p.count, p.unit === 'item' ? 'post' : 'tecken', p.unit === 'item' ? 'poster' : 'tecken')}`,
  'config.bound': (p) => `ska vara ${p.small ? (p.strict ? 'större än' : 'minst') : p.strict ? 'mindre än' : 'högst'} ${String(p.limit).replace('.', ',')}`,
  'config.invalid': (p) => `ogiltigt värde (${p.detail})`,
  'config.describe.nothing': () => 'ingenting',
  'config.describe.empty': () => 'ett tomt värde',
  'config.describe.list': () => 'en lista',
  'config.describe.mapping': () => 'ett avsnitt med nycklar',
  'config.describe.value': (p) => `${p.type === 'string' ? 'texten' : p.type === 'number' ? 'talet' : p.type === 'boolean' ? 'sanningsvärdet' : p.type} ${p.value}`,
  'config.duplicateId': (p) => `indikatorn "${p.id}" används två gånger (även indicators[${p.first}])`,
  'config.duplicateId.hint': () => 'Ge varje indikator ett eget id',
  'config.unknownScale': (p) => `okänd svarsskala "${p.scale}"`,
  'config.unknownScale.hint': (p) => (p.known.length ? `Använd en av: ${list(p.known)}` : 'Definiera den under answer_scales'),
  'config.unknownIndicator': (p) => `okänd indikator "${p.id}"`,
  'config.unknownIndicator.hint': () => 'Använd id:t för en indikator i den här filen',
  'config.needsLevel': () => 'en förändringsfaktor behöver sin nivå i den socialekologiska modellen',
  'config.needsLevel.hint': () => 'Ange level: "individ", "relation", "narmiljo" eller "samhalle"',
  'config.cycle': () => 'härledda indikatorer eller populationsfilter hänvisar till varandra i en cirkel',
  'config.sameGenderCode': () => 'två värden för kön har samma kod',
  'config.logoType': (p) => `logotypen ska vara en PNG- eller JPEG-fil, inte "${p.ext || 'utan filändelse'}"`,
  'config.logoNotFound': (p) => `logotypen finns inte: ${p.path}`,
  'config.logoNotFound.hint': () => 'Sökvägen räknas från inställningsfilens mapp',
  'config.logoCannotRead': (p) => `kan inte läsa logotypen ${p.path}: ${p.cause} (${p.code})`,
  'config.logoNotImage': (p) => `logotypen ${p.path} är ingen ${p.type}-bild`,
  'config.logoNotImage.hint': () => 'Exportera logotypen igen som PNG eller JPEG',
  'config.reservedGroupId': () => 'gender, grade, total och all är upptagna; välj ett annat id',
  'config.extraIdTwice': (p) => `gruppindelningen "${p.id}" används två gånger (även groups.extra[${p.first}])`,
  'config.extraIdTwice.hint': () => 'Ge varje gruppindelning ett eget id',
  'config.extraSameCode': (p) => `två värden i ${p.id} har koden "${p.code}"`,
  'config.extraSameCode.hint': () => 'Ge varje värde en egen kod (svaret som det står i data)',
  'config.aspectChapter': () => 'aspect (plats, foljder, berattat) hör till kapitlet utsatthet',
  'config.aspectChapter.hint': () => 'Ange chapter: utsatthet, eller ta bort aspect',
  'config.referenceLabelTwice': (p) => `referensnamnet "${p.label}" används två gånger (även references[${p.first}])`,
  'config.referenceLabelTwice.hint': () => 'Ge varje referens ett eget namn',

  'reference.notFound': (p) => `referensfilen ${p.file} finns inte`,
  'reference.tooLarge': (p) => `referensfilen är ${num(p.kb)} kB; högst ${num(p.max)} kB`,
  'reference.tooLarge.hint': () => 'En referensfil innehåller publicerade siffror: en rad per indikator, år och grupp',
  'reference.missingColumns': (p) => `referensfilen saknar kolumnen ${list(p.columns)}`,
  'reference.missingColumns.hint': (p) => `Första raden namnger kolumnerna: ${list(p.required)} (och om de finns ${list(p.optional)})`,
  'reference.tooManyRows': (p) => `referensfilen har mer än ${num(p.max)} rader`,
  'reference.unknownIndicator': (p) => `"${p.value}" är inget indikator-id i inställningarna`,
  'reference.unknownIndicator.hint': (p) => `Använd id:n under indicators ${inConfig(p.config)} (t.ex. fysiskt_vald)`,
  'reference.notYear': (p) => `"${p.value}" är inget årtal`,
  'reference.notYear.hint': () => 'Skriv året för undersökningen som värdet kommer från, t.ex. 2023',
  'reference.unknownGroup': (p) => `"${p.value}" är ingen grupp i inställningarna`,
  'reference.unknownGroup.hint': (p) => `Använd total, eller en gruppnyckel som ${p.examples.join(' eller ')}`,
  'reference.notNumber': (p) => `"${p.value}" är inget tal`,
  'reference.notNumber.hint': (p) => (p.unit === 'percent' ? 'Skriv en procentsats som 12 eller 12,5' : 'Skriv en andel som 0,125'),
  'reference.percentSign.hint': () => 'Filen anger procent: ge referensvärdena unit: percent i inställningsfilen',
  'reference.outOfRange': (p) => `${p.value} ligger utanför 0–${p.max}`,
  'reference.outOfRange.hint': (p) =>
    p.unit === 'percent' ? 'Andelarna anges i procent (0–100); ange unit: proportion för andelar mellan 0 och 1' : 'Andelarna anges som andelar (0–1); ange unit: percent för procent',
  'reference.oneEnd': () => 'intervallet har bara en gräns',
  'reference.oneEnd.hint': () => 'Ange både ci_lower och ci_upper, eller ingen av dem',
  'reference.outsideInterval': () => 'skattningen ligger inte inom sitt intervall',
  'reference.outsideInterval.hint': () => 'Kontrollera att ci_lower ≤ estimate ≤ ci_upper',
  'reference.notCount': (p) => `"${p.value}" är inget antal svarande`,
  'reference.notCount.hint': () => 'Skriv ett heltal som 12 345, eller lämna cellen tom',
  'reference.duplicate': (p) => `${p.indicator}, ${p.year}, ${p.group} finns också på rad ${p.line}`,
  'reference.duplicate.hint': () => 'Ge varje indikator, år och grupp en rad',
  'reference.empty': () => 'referensfilen har inga rader med värden',
  'reference.empty.hint': () => 'Lägg till en rad per indikator, år och grupp under rubrikraden',
  'reference.proportions': (p) => `alla skattningar i ${p.label} är högst 1, så de ser ut som andelar, inte procent`,
  'reference.proportions.hint': (p) => `Ange references[${p.set}].unit: proportion, eller skriv värdena i procent`,

  'data.notFound': () => 'filen finns inte',
  'data.notFound.hint': () => 'Kontrollera sökväg och stavning',
  'data.isFolder': () => 'är en mapp, inte en datafil',
  'data.isFolder.hint': () => 'Ange filerna i den (till exempel mapp/*.csv)',
  'data.cannotRead': (p) => `kan inte läsa filen: ${p.cause} (${p.code})`,
  'data.empty': () => 'filen är tom',
  'data.empty.hint': () => 'Exportera enkäten igen, med en rubrikrad och en rad per svarande',
  'data.utf16.invalid': (p) => `filen är ${p.encoding}-text (Excels "Unicode-text"), men inte från den här raden: den är avklippt eller inte bara text`,
  'data.utf16.invalid.hint': () => 'Spara hela tabellen igen som "Unicode-text" eller som "CSV UTF-8" (i Excel: Spara som)',
  'data.binary': () => 'filen är inte text: den är full av styrtecken (ett kalkylark, ett arkiv eller en annan binär fil?)',
  'data.exportCsv.hint': () => 'Exportera data som CSV (text med komma- eller semikolonavgränsning)',
  'data.mixedEncoding': () => 'filen är inte giltig UTF-8 från den här raden (blandade teckenkodningar?)',
  'data.mixedEncoding.hint': () => 'Spara hela filen igen som "CSV UTF-8", eller ange --encoding windows-1252',
  'data.nul': () => 'filen innehåller NUL-byte: den är ingen CSV-textfil (ett kalkylark eller en binär fil?)',
  'data.noDelimiter': () => 'hittade inget kolumnavgränsningstecken i rubrikraden (inget kommatecken, semikolon eller tabbtecken)',
  'data.noDelimiter.hint': () => 'Filen behöver en rubrikrad med kolumnnamnen, åtskilda med , eller ; (eller använd --delimiter)',
  'data.noHeader': () => 'filen har ingen rubrikrad',
  'data.noHeader.hint': () => 'Första raden ska innehålla kolumnnamnen',
  'data.noRows': () => 'filen har en rubrikrad men inga rader med svarande',
  'data.noRows.hint': () => 'Exportera enkäten igen med svaren',
  'data.cutOff': () => 'filen slutar mitt i ett tecken (har den klippts av?)',
  'data.cutOff.hint': () => 'Exportera eller kopiera hela filen igen',
  'data.width': (p) => `raden har ${plural(p.fields, 'fält', 'fält')}, rubrikraden har ${num(p.width)}`,
  'data.width.mixed': (p) => `Rubrikraden är avgränsad med ${delimiterWord(p.delimiter)} men inte den här raden: är avgränsningstecknen blandade i filen?`,
  'data.width.hint': (p) =>
    `Leta efter ett saknat eller extra ${delimiterWord(p.delimiter)} på raden, eller ett värde med ${delimiterWord(p.delimiter)} som inte står inom citattecken`,
  'data.quoteNotClosed': () => 'ett värde inom citattecken som börjar på den här raden avslutas aldrig (ett " utan sitt avslutande ")',
  'data.quoteNotClosed.hint': () => 'Lägg till det avslutande citattecknet, eller ta bort det inledande',
  'data.quoteInside': () => 'ett citattecken (") står inuti ett värde som inte är inom citattecken',
  'data.quoteInside.hint': () => 'Sätt hela värdet inom citattecken och dubblera det inre citattecknet (""), eller ta bort citattecknet',
  'data.afterQuote': () => 'ett värde inom citattecken fortsätter efter sitt avslutande citattecken',
  'data.afterQuote.hint': () => 'Sätt hela värdet inom citattecken och dubblera de inre citattecknen ("")',
  'data.longRow': (p) => `en rad är längre än ${num(p.max)} tecken`,
  'data.longRow.hint': () => 'Det betyder oftast att ett citattecken aldrig avslutas eller att radbrytningarna saknas; granska filen i en textredigerare',
  'data.parse': (p) => `kan inte tolka CSV-filen (${p.code})`,
  'data.parse.hint': (p) => `Filen lästes som ${p.encoding}, avgränsad med ${delimiterWord(p.delimiter)}`,

  // ── format: vad en fil är, Excel och SPSS ────────────────────────────────────────────
  'data.noHeader.afterSep': () => 'Raden efter "sep=" ska innehålla kolumnnamnen',
  'data.sepLine': (p) => `första raden "sep=${p.sep}" anger ${JSON.stringify(p.sep)} som kolumnavgränsare; lagesbild läser kommatecken, semikolon eller tabb`,
  'data.sepLine.hint': () => 'Spara filen igen med ; eller , mellan kolumnerna',
  'format.note': (p) => `${p.name} är ${p.format} fast namnet slutar på ${p.ext}: läses som det den är`,
  'format.csv': () => 'en CSV-fil',
  'format.xlsx': () => 'en Excel-arbetsbok',
  'format.sav': () => 'en SPSS-datafil',
  'format.ods': () => 'filen är ett OpenDocument-kalkylark (.ods), som lagesbild inte läser',
  'format.ods.hint': () => 'Spara den som Excel-arbetsbok (.xlsx) eller som CSV UTF-8',
  'format.document': () => 'filen är ett dokument (Word eller OpenDocument), inte enkätdata',
  'format.exportData.hint': () => 'Exportera själva enkätdata som .xlsx, .sav eller CSV',
  'format.xls': () => 'filen är en gammal Excel 97–2003-arbetsbok (.xls) eller en lösenordsskyddad fil, som lagesbild inte läser',
  'format.xls.hint': () => 'Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx) eller som CSV UTF-8, utan lösenord',
  'format.pdf': () => 'filen är en pdf, inte enkätdata',
  'format.gzip': () => 'filen är komprimerad (gzip)',
  'format.gzip.hint': () => 'Packa upp den först (t.ex. med gunzip) och läs filen i den',
  'format.por': () => 'filen är en portabel SPSS-fil (.por), som lagesbild inte läser',
  'format.por.hint': () => 'Öppna den i SPSS eller PSPP och spara den som .sav-fil',
  'stdin.tty': () => '"-" läser data från standard in, men inget skickas in',
  'stdin.tty.hint': () => 'Skicka in data (t.ex. `cat enkat.csv | lagesbild validate -`) eller ange filen',
  'stdin.empty': () => 'standard in är tom',
  'stdin.empty.hint': () => 'Skicka in enkätdata, t.ex. `cat enkat.csv | lagesbild validate -`',
  'xlsx.beyondHeader': (p) => `ett värde i kolumn ${p.column}, till höger om rubrikradens sista kolumn`,
  'xlsx.beyondHeader.hint': () => 'Ge kolumnen ett namn i rubrikraden, eller ta bort värdet',
  'xlsx.noSheet': (p) => `arbetsboken har inget blad "${p.sheet}"`,
  'xlsx.noSheet.hint': (p) => (p.sheets.length ? `Dess blad är: ${p.sheets.join(', ')}` : 'Kontrollera filen'),
  'xlsx.noSheets': () => 'arbetsboken har inga blad (är det en Excel-fil?)',
  'xlsx.saveAgain.hint': () => 'Öppna den i Excel och spara den igen som Excel-arbetsbok (.xlsx)',
  'xlsx.emptySheet': () => 'bladet har ingen rubrikrad (en rad med två eller fler kolumnnamn)',
  'xlsx.otherWaves': (p) =>
    `${p.file}: bara bladet ${p.sheet} lästes; ${p.others.length === 1 ? 'bladet' : 'bladen'} ${p.others.join(', ')}, som heter som ${p.others.length === 1 ? 'en annan mätning, läses' : 'andra mätningar, läses'} inte. Spara varje blad som en egen fil (med året i namnet) för att redovisa alla mätningar, eller läs ett annat med --sheet`,
  'xlsx.noTable': (p) => `inget av bladen (${p.sheets.join(', ')}) har en rubrikrad (en rad med två eller fler kolumnnamn)`,
  'xlsx.noTable.hint': () => 'Enkäten behöver en rad med kolumnnamnen ovanför en rad per svarande (ange bladet med --sheet)',
  'xlsx.damaged': () => 'Excel-arbetsboken går inte att läsa: den är skadad, avklippt eller ingen riktig .xlsx-fil',
  'xlsx.damaged.hint': () => 'Öppna den i Excel och spara den igen som Excel-arbetsbok (.xlsx), eller exportera den som CSV UTF-8',
  'sav.damaged': (p) => `SPSS-filen är skadad eller avklippt${p.where ? ` (${p.where})` : ''}`,
  'sav.damaged.hint': () => 'Spara den igen från SPSS eller PSPP (Spara som → .sav), eller exportera den som CSV UTF-8',
  'sav.notSav': () => 'inte en SPSS-datafil (.sav)',
  'sav.encoding': (p) => `SPSS-filens teckenkodning "${p.name}" känner lagesbild inte till`,
  'sav.encoding.hint': () => 'Ange --encoding utf-8 eller --encoding windows-1252, eller spara filen igen i SPSS med Unicode (UTF-8)',
  'sav.cutOff': (p) => `SPSS-filen tar slut mitt i post ${num(p.record)} (har den klippts av?)`,
  'labels.conflict': (p) => `kolumn ${p.column}: kod ${p.code} är "${p.label}" i filen; ${p.key} räknar "${p.label}" som ${p.byLabel} men koden ${p.code} som ${p.byCode}`,
  'labels.conflict.hint': (p) => `Ange antingen koden eller svarstexten i ${p.key}, inte båda med olika betydelse`,

  // ── egna texter, andra källor och mål ─────────────────────────────────────────────────
  located: (p) => `${p.where}: ${p.field ? `${p.field}: ` : ''}${p.text}`,
  'config.relativeToConfig.hint': () => 'Sökvägen räknas från inställningsfilens mapp',
  'config.unknownTextPlace.hint': (p) => `Ange ett kapitel (${list(p.chapters)}), eller before: eller after: och ett kapitel för ett eget kapitel`,
  'config.target.noGrades': () => 'inställningarna har inga årskurser (groups.grade)',
  'config.target.noGrades.hint': () => 'Ta bort grade ur målet, eller ange groups.grade',
  'config.target.notValue': (p) => `"${p.value}" är inget värde i groups.${p.key}`,
  'config.target.notReported': (p) => `"${p.value}" är en grupp som rapporten inte visar (report: false), så målet kan inte följas upp`,
  'config.unknownArea': (p) => `"${p.name}" är ingen kommun i data (${list(p.areas)}), så ingen rapport får det som är begränsat till den. Skriv namnet som det står i data`,
  'owntext.notFound': (p) => `textfilen ${p.file} finns inte`,
  'owntext.cannotRead': (p) => `kan inte läsa textfilen ${p.file}: ${p.cause} (${p.code})`,
  'owntext.notFound.hint': () => 'Sökvägen räknas från inställningsfilens mapp; `lagesbild init` kan skriva en mapp texts/ att utgå från',
  'owntext.tooLarge': (p) => `textfilen är ${num(p.kb)} kB; en egen text får vara högst ${num(p.max)} kB`,
  'owntext.tooLarge.hint': () => 'Korta den, eller lägg långt material i en egen bilaga',
  'owntext.windows1252': (p) => `${p.file}: texten är inte UTF-8 och lästes som Windows-1252; spara den som UTF-8 så att å, ä och ö säkert blir rätt`,
  'owntext.noTitle': (p) => `${p.file}: en text som är ett eget kapitel (texts.${p.place}) bör börja med sin rubrik, t.ex. "# Arbetsgruppens slutsatser"; kapitlet heter nu "${p.title}"`,
  'owntext.leftOut': (p) =>
    `${p.file}: utelämnad: rapporten har inget kapitel "${p.place}" (texts.${p.place}); ange before:${p.place} eller after:${p.place} för att behålla den som ett eget kapitel`,
  'owntext.html.block': () => 'HTML används inte i egna texter: det visas som text. Skriv Markdown i stället (t.ex. **fet**, en tom rad för nytt stycke)',
  'owntext.html.inline': () => 'HTML används inte i egna texter: det visas som text. Skriv Markdown i stället (t.ex. *kursiv*, **fet**)',
  'owntext.headingLevel': (p) => `en rubrik på nivå ${p.depth} (${'#'.repeat(p.depth)}) används som avsnittsrubrik (###): rapportens titel och kapitel har nivå 1 och 2`,
  'owntext.link': (p) => `länken "${p.url}" visas som text utan länk: egna texter får bara länka till webbsidor (https://…, http://…) och e-postadresser (mailto:…)`,
  'owntext.image.hint': () => 'Lägg bilden (PNG eller JPEG) i projektmappen, t.ex. i texts/bilder/, och ange den i förhållande till texten: ![Vad bilden visar](bilder/karta.png)',
  'owntext.image.noName': () => 'bilden saknar filnamn',
  'owntext.image.notLocal': (p) => `bilden "${p.src}" är ingen lokal fil: en rapport hämtar ingenting från nätet eller från platser utanför projektet`,
  'owntext.image.absolute': (p) => `bilden "${p.src}" anges med en absolut sökväg`,
  'owntext.image.outside': (p) => `bilden "${p.src}" ligger utanför projektmappen ${p.dir}`,
  'owntext.image.notFound': (p) => `bildfilen "${p.src}" finns inte (letade efter ${p.path})`,
  'owntext.image.notFound.hint': () => 'Sökvägen räknas från Markdown-filens mapp',
  'owntext.image.linkOutside': (p) => `bilden "${p.src}" är en länk till en fil utanför projektmappen`,
  'owntext.image.notFile': (p) => `bilden "${p.src}" är ingen fil`,
  'owntext.image.tooLarge': (p) => `bilden "${p.src}" är ${p.mb.replace('.', ',')} MB; en bild får vara högst ${num(p.max)} MB`,
  'owntext.image.smaller.hint': () => 'Spara den mindre (t.ex. 1600 pixlar bred räcker gott för en rapport)',
  'owntext.image.notImage': (p) => `bilden "${p.src}" är ingen PNG- eller JPEG-bild`,
  'owntext.image.notImage.hint': () => 'Spara eller exportera den som PNG eller JPEG',
  'owntext.image.damaged': (p) => `bilden "${p.src}" är en skadad ${p.type}-fil`,
  'owntext.image.damaged.hint': () => 'Spara eller exportera den igen',
  'owntext.image.tooManyPixels': (p) => `bilden "${p.src}" är ${p.width} × ${p.height} pixlar; en bild får ha högst ${num(p.max)} miljoner pixlar`,
  'owntext.image.noAlt': (p) => `bilden "${p.src}" saknar alternativtext`,
  'owntext.image.noAlt.hint': () => 'Skriv vad bilden visar mellan hakparenteserna: ![Karta över skolorna i kommunen](bild.png)',
  'owntext.image.inBlock': () => 'en bild i en lista, ett citat, en rubrik eller en tabell visas som sin alternativtext: lägg bilden i ett eget stycke',
  'source.notFound': (p) => `källtabellen ${p.file} finns inte`,
  'source.tooLarge': (p) => `källtabellen är ${num(p.kb)} kB; en källtabell får vara högst ${num(p.max)} kB`,
  'source.small.hint': () => 'En källa är en liten tabell: en kolumn med namn och en kolumn per år eller grupp',
  'source.sav': () => 'en källtabell är en CSV-fil eller en Excelbok, inte en SPSS-datafil',
  'source.sav.hint': () => 'Lägg siffrorna i en liten tabell (en kolumn med namn och en kolumn per år) och spara den som CSV eller .xlsx',
  'source.tooFewColumns': () => 'en källtabell behöver en kolumn med namn och minst en kolumn med värden',
  'source.tooFewColumns.hint': () => 'T.ex. "Område;2019;2021;2023" på första raden',
  'source.tooManyColumns': (p) => `källtabellen har ${num(p.count)} värdekolumner; högst ${num(p.max)} går`,
  'source.noHeader': () => 'en värdekolumn saknar rubrik',
  'source.noHeader.hint': () => 'Ge varje kolumn en rubrik (ett år eller en grupp)',
  'source.tooManyRows': (p) => `källtabellen har fler än ${num(p.max)} rader`,
  'source.tooManyRows.hint': () => 'En källa är en liten tabell: en rad per serie',
  'source.noLabel': () => 'raden saknar namn',
  'source.noLabel.hint': () => 'Skriv vad raden gäller (t.ex. kommunen) i första kolumnen',
  'source.sameLabel': (p) => `namnet "${p.label}" finns också på rad ${p.line}`,
  'source.sameLabel.hint': () => 'Ge varje rad ett eget namn',
  'source.notNumber': (p) => `"${p.text}" i kolumnen ${p.column} är inget tal`,
  'source.notNumber.hint': () => 'Skriv tal som 12, 12,5 eller 1 234; lämna cellen tom (eller ..) där källan saknar värde',
  'source.noRows': () => 'källtabellen har inga rader med värden',
  'source.noRows.hint': () => 'Lägg till en rad per serie under rubrikraden',
  'source.lineNeedsYears': () => 'ett linjediagram behöver minst två kolumner (år) i källtabellen',
  'source.lineNeedsYears.hint': () => 'Ange chart: bar, eller lägg till åren',
  'goal.pooledGrades': (p) => `${p.indicator}: målet gäller en årskurs, och --pool-grades redovisar inga årskurser: målet följs inte upp`,
  'goal.baselineNotWave': (p) =>
    `${p.field}.baseline: ${p.baseline} är ${p.pooled ? 'ingen egen mätning när mätningarna slås samman' : `ingen mätning i data (${p.waves.join(', ')})`}`,
  'goal.baselineNotWave.hint': (p) =>
    p.pooled ? 'Rapportera utan --pool-waves för att följa upp ett mål från en utgångsmätning' : 'Ange en av mätningarna, eller ta bort baseline för att utgå från den första',
  'goal.baselineBeforeBreak': (p) =>
    `${p.field}.baseline: ${p.year} ligger före seriebrottet för ${p.indicator} (${p.breaks.join(', ')}), så förändringen till ${p.latest} kan inte mätas`,
  'goal.baselineBeforeBreak.hint': () => 'Ange en utgångsmätning från seriebrottet och framåt',
  'goal.yearNotAfter': (p) => `${p.field}.year: ${p.year} ligger inte efter målets utgångsmätning ${p.baseline}`,
  'goal.yearNotAfter.hint': () => 'Ett mål sätts för ett senare år än mätningen det utgår från',

  // ── filer utan kolumn för år eller kommun ────────────────────────────────────────────
  'facts.noArea': () => 'inställningsfilen anger varken en kolumn för kommun (columns.area) eller en kommun',
  'facts.noArea.hint': () => 'Lägg till `area: <namn>` under project i inställningsfilen, eller ange --area-name <namn> (eller kolumnen under columns.area)',
  'facts.areaNameWithColumn': (p) => `--area-name är till för data utan kolumn för kommun, men inställningsfilen läser kommunen ur kolumnen "${p.column}"`,
  'facts.areaNameWithColumn.hint': () => 'Ta bort --area-name, eller ta bort columns.area ur inställningsfilen',
  'facts.yearWithColumn': (p) => `--year är till för data utan kolumn för år, men inställningsfilen läser året ur kolumnen "${p.column}"`,
  'facts.yearWithColumn.hint': () => 'Ta bort --year, eller ta bort columns.year ur inställningsfilen',
  'facts.noYear': (p) =>
    `enkätåret för ${p.file} är okänt: inställningsfilen anger ingen kolumn för år och ${p.stdin ? 'standard in har inget filnamn' : 'filnamnet innehåller inte ett enda årtal med fyra siffror'}`,
  'facts.noYear.hint': (p) => `Ange --year <år>, lista filen under columns.year_by_file i inställningsfilen, eller ge filen ett namn med året (t.ex. ${p.example})`,
  'facts.yearFrom': (p) => `${p.file}: enkätår ${p.year} (${{ flag: 'från --year', config: 'från columns.year_by_file i inställningsfilen', 'file-name': 'taget ur filnamnet' }[p.from]})`,
  'config.oneKind': () => 'ange precis en av `column` (med `answers`), `any_of` eller `all_of`',
  'config.needsAnswers': () => 'en indikator med `column` behöver `answers` (namnet på en svarsskala eller listor med yes/no/missing)',
  'config.otherOptionsNeedSeveral': () => '`other_options` hör till en indikator med `several_answers: true` (vad en ikryssad del som inte är något av svaren räknas som)',
  'config.severalAnswersColumn': () => '`several_answers` hör till en indikator som läses från en kolumn med alla ikryssade svar (inte till en av `checkboxes`)',
  'config.checkboxesNeedColumn': () => '`checkboxes` hör till en indikator som läses från en kolumn (en av frågans rutor)',
  'config.yearTwice': () => 'året kommer från kolumnen i `year`: ta bort en av `year` och `year_by_file`',
  'cli.year': (p) => `--year ska vara ett år med fyra siffror, t.ex. 2023, inte "${p.value}"`,
  'cli.areaName': () => '--area-name behöver kommunens namn',
  'cli.globNone.hint': () => 'Kontrollera mappen och mönstret (* vilket namn som helst, ** alla mappar, {a,b} endera, [12] ett av tecknen)',
  'cli.stdinTwice': () => '"-" (standard in) anges två gånger',
  'cli.stdinTwice.hint': () => 'Standard in kan bara läsas en gång: ange den en gång',
  'input.configTable': (p) => `${p.file} är tabellen som inställningsfilen anger som ${p.field}: den läses inte som enkätdata`,
  'input.onlyConfigTables': (p) => `alla angivna filer är tabeller som inställningsfilen anger (${p.fields.join(', ')}), inga enkätfiler`,
  'input.onlyConfigTables.hint': () => 'Ange enkätfilerna också, till exempel `data/enkat-*.csv`',
  'init.dateColumn': (p) => `kolumnen "${p.column}" innehåller datum som ${p.example}, inte enkätåret`,
  'init.dateColumn.hint': () =>
    'Enkätåret är den omgång eleverna tillhör: ange det med --year (eller i filnamnet, t.ex. enkat-2023.xlsx), eller ange en kolumn med årtal med fyra siffror',

  'data.notAHeader': (p) => `första raden är ingen rubrikrad med inställningarnas kolumner: ingen av ${quoted(p.columns)} finns i den`,
  'data.notAHeader.hint': () => 'Första raden ska innehålla kolumnnamnen: exportera filen igen med rubrikraden, eller kontrollera att -c anger inställningsfilen för den här enkäten',
  'data.missingColumn': (p) => `kolumnen "${p.column}" (${p.key} i inställningsfilen) finns inte i rubrikraden`,
  'data.missingColumn.near': (p) => `Filen har "${p.near}": rätta stavningen i inställningsfilen`,
  'data.missingColumn.renamed': (p) =>
    `Filen har "${p.other}" (kolumn ${p.position}): om det är samma fråga med ett annat namn, lägg in den under columns.renamed i inställningsfilen ("${p.other}": "${p.column}"), och i indikatorns series_breaks om ändringen gör åren ojämförbara`,
  'data.missingColumn.hint': (p) =>
    `Kontrollera ${p.key} i inställningsfilen; filen har ${plural(p.count, 'kolumn', 'kolumner')}: ${list(p.columns)}${p.more > 0 ? `, … (${num(p.more)} till)` : ''}`,
  'data.renamedTwice': (p) => `filen har två kolumner som columns.renamed i inställningsfilen kallar "${p.column}": "${p.first}" och "${p.second}"`,
  'data.renamedTwice.hint': () => 'Behåll den som är årets fråga under columns.renamed',
  'data.twoColumns': (p) => `rubrikraden har två kolumner som heter "${p.column}" (kolumn ${p.first} och ${p.second})`,
  'data.twoColumns.hint': () => 'Byt namn på en av dem så att inställningsfilen kan skilja dem åt',
  'row.noArea': (p) => `ingen kommun (tom ${p.column})`,
  'row.noArea.hint': () => 'Varje rad behöver kommunens namn',
  'row.controlInName': (p) => `namnet innehåller ett styrtecken (U+${p.code})`,
  'row.controlInName.hint': () => 'Ta bort det ur filen: det syns inte, och blir ofta kvar när text kopieras från ett annat program',
  'row.year': (p) => `${cell(p.value)} är inget enkätår`,
  'row.year.schoolYear': (p) =>
    `"${p.value}" är ett läsår: ange när enkäten besvarades, med \`answered_in: spring\` (läses som ${p.autumn + 1}) eller \`answered_in: autumn\` (läses som ${p.autumn}) under \`columns\` ${inConfig(p.config)}`,
  'row.year.hint': () => 'Ange ett årtal med fyra siffror, till exempel 2023',
  'row.noCluster': (p) => `inget kluster (tom ${p.column})`,
  'row.noCluster.hint': () => 'Varje rad behöver sin PSU (till exempel skola)',
  'row.group': (p) => `${cell(p.value)} är inget värde för ${p.group}`,
  'row.group.hint': (p) => `Väntade ett av: ${list(p.expected)}; lägg till det som värde eller alias under groups ${inConfig(p.config)}`,
  'row.answer': (p) => `${cell(p.value)} är inget svar på ${p.indicator}`,
  'row.answer.hint': (p) => `Väntade ett av: ${answers(p.expected)}; lägg till det i ${p.scale} ${inConfig(p.config)} (ja, nej eller saknas)`,
  'row.nearMatch': (p) =>
    `Det skiljer sig från "${p.match}" bara med ${p.ends ? 'mellanslag i början eller slutet' : 'mellanslag eller stora/små bokstäver'}: rätta filen, eller lägg till "${p.value}" bland svaren ${inConfig(p.config)}`,
  'row.weight.empty': () => 'vikten saknas',
  'row.weight.negative': (p) => `negativ vikt ${cell(p.value)}`,
  'row.weight.notNumber': (p) => `${cell(p.value)} är inget tal`,
  'row.weight.notFinite': (p) => `${cell(p.value)} är inget ändligt tal`,
  'row.weight.zero': () => 'vikten är 0',
  'row.weight.range': (p) => `vikten ${cell(p.value)} ligger utanför det rimliga intervallet ${String(p.min).replace('.', ',')} till ${num(p.max)}`,
  'row.weight.comma.hint': () => 'Vikten har decimalkomma i en kommaseparerad fil: skriv 1.5, eller spara filen med semikolon (svensk Excel), där 1,5 läses som 1,5',
  'row.weight.range.hint': () => 'Kontrollera viktkolumnen: en förskjuten rad, eller vikter i en annan enhet?',
  'row.weight.hint': () => 'Vikter ska vara positiva tal (svarande utan vikt ska tas bort eller få en vikt av den som tagit fram vikterna)',
  'row.fpc.empty': () => 'design.fpc saknas',
  'row.fpc.notPositive': (p) => `design.fpc ${cell(p.value)} är inget positivt tal`,
  'row.fpc.hint': () =>
    'design.fpc är populationens storlek i radens stratum (antalet PSU:er, eller elever utan design.cluster) eller den undersökta andelen, ett positivt tal som är lika på alla rader i ett stratum',

  'limit.blocks': (p) => `fler än ${num(p.limit)} olika kombinationer av år × kommun × stratum × kluster`,
  'limit.blocks.hint': () => 'Är design.cluster (eller design.strata) av misstag ett löpnummer? Kluster är till exempel skolor',
  'design.lonely': (p) =>
    `${p.stratum === null ? 'omgången' : `stratumet "${p.stratum}"`} har bara en PSU (primär urvalsenhet), så variansen går inte att skatta med design.lonely_psu: fail`,
  'design.lonely.hint': () => 'Ange design.lonely_psu som "adjust", "average", "certainty" eller "remove", eller slå ihop stratumet med ett annat',
  'design.allLonely': () => 'varje stratum i den här domänen har en enda PSU, så design.lonely_psu: average har inget stratum att ta medelvärdet över',
  'design.allLonely.hint': () => 'Ange design.lonely_psu som "adjust", "certainty" eller "remove", eller slå ihop strata',
  'design.fpc.varies': (p) =>
    `design.fpc är ${String(p.other).replace('.', ',')} här men ${String(p.first).replace('.', ',')} på en tidigare rad i ${p.stratum === null ? `mätningen ${p.year}` : `stratumet "${p.stratum}" ${p.year}`}`,
  'design.fpc.varies.hint': () => 'Populationens storlek (eller den undersökta andelen) hör till stratumet: ge alla rader i ett stratum samma värde',
  'design.fpc.mixed': (p) => `design.fpc blandar populationsstorlekar (över 1) och undersökta andelar (under 1) ${p.year}`,
  'design.fpc.mixed.hint': () => 'Ge varje stratum dess populationsstorlek (antalet PSU:er, eller elever utan design.cluster), eller varje stratum dess undersökta andel',
  'design.fpc.smaller': (p) =>
    `enligt design.fpc har ${p.stratum === null ? `mätningen ${p.year}` : `stratumet "${p.stratum}" ${p.year}`} en population på ${num(p.size)}, men data har ${plural(p.sampled, 'undersökt enhet', 'undersökta enheter')} där`,
  'design.fpc.smaller.hint': () =>
    'design.fpc är stratumets populationsstorlek i samma enhet som urvalet (PSU:er med design.cluster, annars elever), eller den undersökta andelen',

  // ── elevantal ─────────────────────────────────────────────────────────────────────────
  'population.notFound': (p) => `filen med elevantal, ${p.file}, finns inte`,
  'population.notFound.hint': () => 'Sökvägen räknas från mappen där konfigurationsfilen ligger',
  'population.noColumn': (p) => `filen med elevantal saknar kolumnen ${p.column}`,
  'population.noColumn.hint': (p) => `Rubrikraden ska ha kolumnerna ${list(p.sv)} (eller på engelska ${list(p.en)})`,
  'population.gradeColumn': () => 'filen med elevantal har en kolumn för årskurs men konfigurationen saknar groups.grade',
  'population.gradeColumn.hint': () => 'Ta bort kolumnen och summera antalen över årskurserna, eller lägg till groups.grade i konfigurationen',
  'population.noArea': () => 'kommun saknas',
  'population.noArea.hint': () => 'Varje rad behöver kommunen, stavad som i enkätdata',
  'population.year': (p) => `"${p.value}" är inget årtal`,
  'population.year.hint': () => 'Ange mätningens år med fyra siffror, t.ex. 2023',
  'population.group': (p) => `"${p.value}" är inget värde för ${p.group}`,
  'population.group.hint': (p) => `Använd koderna under groups i konfigurationen: ${list(p.codes)}`,
  'population.notReported': (p) => `"${p.value}" är ett värde för ${p.group} med report: false`,
  'population.notReported.hint': () =>
    'Elevantal anges för de värden som redovisas i tabellerna (svarande med andra värden får kommunens genomsnittliga vikt): ta bort raden',
  'population.notReportedColumn.hint': () =>
    'Elevantal anges för de värden som redovisas i tabellerna (svarande med andra värden får kommunens genomsnittliga vikt): ta bort kolumnen',
  'population.count': (p) => `"${p.value}" är inget antal elever`,
  'population.count.hint': () => 'Skriv antalet elever som ett heltal, t.ex. 212 eller 1 212',
  'population.twice': (p) => `samma kommun, år, kön och årskurs finns på rad ${p.line}`,
  'population.twice.hint': () => 'Ge varje grupp en rad (summera antalen om de kommer från flera källor)',
  'population.noRows': () => 'filen med elevantal har inga rader med antal',
  'population.noRows.hint': () => 'Lägg till en rad per kommun, år, kön och årskurs under rubrikraden',
  'population.uncovered': (p) => {
    const named = p.cells.map((c) => `${c.group} (${plural(c.respondents, 'svarande', 'svarande')})`);
    return p.count === 1
      ? `elevantal saknas för en grupp med svarande: ${named[0]}`
      : `elevantal saknas för ${num(p.count)} grupper med svarande (${num(p.total)} svarande sammanlagt): ${list(named)}${p.count > named.length ? ` och ${num(p.count - named.length)} till` : ''}`;
  },
  'population.uncovered.hint': (p) =>
    `Lägg till en rad för var och en i filen med elevantal (t.ex. "${p.example}<antal elever>"), eller kontrollera att kommun, år, kön och årskurs är skrivna som i enkätdata`,
  'warning.population.exceeds': (p) =>
    `${p.group}: ${plural(p.respondents, 'svarande', 'svarande')} men ${plural(p.pupils, 'elev', 'elever')} i ${p.file}; kontrollera att antalen gäller samma år och årskurser som enkäten`,
  'warning.population.nobody': (p) =>
    `${p.group}: ingen svarade bland de ${plural(p.pupils, 'elev', 'elever')} som ${p.file} räknar, så efterstratifieringen kan inte väga upp dem; kommunens siffror beskriver dess övriga grupper`,
  'warning.lonelyDomain': (p) =>
    `${p.year}, ${p.area}, ${p.group}: varje stratum med svar (${quoted(p.strata)}) har en enda PSU, så design.lonely_psu: average ` +
    `ger inget medelfel, intervall eller test för ${list(p.indicators)} i den här gruppen (R ger NaN); slå ihop stratumet med ett annat eller använd lonely_psu: adjust`,
  'warning.noAnswers': (p) =>
    `${p.indicator}: inga giltiga svar ${p.year}; kontrollera att kolumnen innehåller svar och att ${p.missingKey ?? 'dess delar'} inte räknar upp alla`,
  'warning.noYes': (p) => `${p.indicator}: ingen svarande svarade ja (${plural(p.n, 'svar', 'svar')} ${p.year}); kontrollera att ${p.yesKey} räknar upp de koder som data använder`,

  'report.noFigures': (p) => `inga uppgifter för området "${p.area}"`,
  'report.date': (p) => `inget datum: ${p.value}`,
  'report.date.hint': () => 'ange datumet som ÅÅÅÅ-MM-DD, till exempel 2024-03-05',
  'init.noColumn': (p) => `kolumnen "${p.column}" finns inte i rubrikraden i ${p.file}`,
  'init.noColumn.hint': (p) => `Kolumnerna är: ${list(p.columns)}`,
  'init.tooManyValues': (p) => `kolumnen "${p.column}" har för många olika värden för att vara ${p.role === 'grade' ? 'årskurs' : 'kön'}`,
  'init.tooManyValues.hint': (p) => `Ange rätt kolumn med --${p.role}-column`,
  'init.noIndicators': (p) =>
    `ingen kolumn passar säkert till en standardindikator, så inställningsfilen skulle sakna indikatorer${p.unsure > 0 ? ` (${p.unsure === 1 ? '1 kolumn kan passa' : `${p.unsure} kolumner kan passa`}: markerade med ? ovan)` : ''}${p.codesOnly > 0 ? ` (${p.codesOnly === 1 ? '1 kolumn som passar har' : `${p.codesOnly} kolumner som passar har`} bara koder)` : ''}`,
  'init.noIndicators.hint': () =>
    'Kör init i en terminal och välj kolumnerna och deras svar själv, eller skriv in indikatorerna för hand (`lagesbild example` kopierar en komplett inställningsfil att utgå från)',
};

// ── the CLI's own texts (validate's summary, init, what was written) ──────────────────────
const quoteAll = (values: string[]) => values.map((v) => `"${v}"`).join(', ');
const countOf = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;
/** A percentage of a count, whole. */
const percent = (part: number, whole: number) => String(Math.round((100 * part) / whole));
const roleFlags = (and: string) => `--area-column, --year-column, --gender-column, --grade-column, --weight-column, --id-column, --county ${and} --definition`;
/** "kolumnen "Tidstämpel"", "kolumnerna "Starttid" och "Sluttid"". */
const datedSv = (d: DatedColumns) => `${d.columns.length === 1 ? 'kolumnen' : 'kolumnerna'} ${formatList(d.columns.map((c) => `"${c}"`), 'sv')}`;

const runSv: RunTexts = {
  wrote: (path) => `skrev ${path}`,
  wroteFigures: (path, count) => `skrev ${path} (${count} uppgifter)`,
  leftOut: (error) => `utelämnad: ${error}`,
  failed: (area, error) => `${area}: ${error}`,
  copiedExample: (dir) => `kopierade det syntetiska exemplet (Norrbacka län) till ${dir}/`,
  next: (command) => `nästa steg: ${command}`,
};

const validateSv: ValidateTexts = {
  lang: 'sv',
  files: 'Filer',
  rows: (n) => countOf(n, 'rad', 'rader'),
  encoding: { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' },
  delimiter: { ',': 'kommaseparerad', ';': 'semikolonseparerad (svensk Excel)', '\t': 'tabbseparerad' },
  source: { xlsx: 'Excel', sav: 'SPSS', sheet: (name) => `bladet ${name}`, headerAt: (line) => `rubrikraden på rad ${line} (titeln ovanför hoppas över)`, subHeader: (line) => `rubrikradens andra rad (rad ${line}, som SurveyMonkey skriver den) sammanfogad med den` },
  notRead: 'utelämnad: se Problem',
  respondents: 'Svarande per kommun, år, kön och årskurs',
  area: 'Kommun',
  wave: 'År',
  other: 'Utan grupp',
  total: 'Totalt',
  smallMark: (b) => `* färre än ${b} svarande: andelarna för gruppen visas som ".."`,
  missing: 'Saknade svar per indikator (andel av dem som fått frågan)',
  missingOf: (m, n) => `${m} av ${n}`,
  missingBase: (counted, without, byGrade) =>
    byGrade
      ? `Räknat bland de ${counted} svarande som hör till en grupp efter kön och årskurs: ${without === '1' ? 'den övriga' : `de ${without} övriga`} (utan svar på kön eller årskurs) ingår inte i någon grupp eller skattning.`
      : `Räknat bland de ${counted} svarande som har angett kön: ${without === '1' ? 'den som inte har det ingår' : `de ${without} som inte har det ingår`} inte i någon grupp eller skattning.`,
  percent: (s) => `${(s * 100).toFixed(1).replace('.', ',')} %`,
  small: (b) => `Grupper som är för små för att redovisas (färre än ${b} svarande; visas som "..")`,
  problems: 'Problem',
  noProblems: 'inga',
  severity: { error: 'FEL', warning: 'VARNING', info: 'OBS' },
  count: { rows: (n) => countOf(n, 'rad', 'rader'), cells: (n) => countOf(n, 'cell', 'celler') },
  at: 'på',
  in: 'i',
  sameAs: (w) => `(samma löpnummer som ${/^\d+$/.test(w) ? `rad ${w}` : w})`,
  andMore: (n) => `… och ${n} till`,
  unlisted: (n) => `… och ${n} rader till med andra problem`,
  own: {
    'windows-1252': () => ({
      message: 'läst som Windows-1252 (inte UTF-8); å, ä och ö läses rätt',
      hint: 'Inget behöver rättas. Spara gärna filen som "CSV UTF-8", så blir den säkrare att öppna i andra program',
    }),
    mojibake: (f) =>
      f.encoding === 'utf-8'
        ? {
            message: 'å, ä och ö är förvanskade ("Ã¥", "Ã¤", "Ã¶" i stället för "å", "ä", "ö"): filen har konverterats till UTF-8 två gånger',
            hint: 'Exportera filen igen från enkätverktyget, eller öppna originalet i en textredigerare och spara det som UTF-8 en gång; konvertera inte en fil som redan är UTF-8',
          }
        : {
            message: 'å, ä och ö är förvanskade ("Ã¥", "Ã¤", "Ã¶" i stället för "å", "ä", "ö"): filen innehåller UTF-8-text men lästes som Windows-1252',
            hint: 'Har du angett --encoding windows-1252, ta bort det; annars har delar av filen olika teckenkodning: spara hela filen igen som "CSV UTF-8"',
          },
    'replacement-char': () => ({
      message: 'bokstäver har gått förlorade vid en tidigare konvertering ("\uFFFD" i stället för ett tecken)',
      hint: 'Exportera filen igen från enkätverktyget; bokstäverna går inte att återskapa ur den här filen',
    }),
    'decimal-comma-weights': (f) => ({
      message: `vikterna i ${f.column} är skrivna med decimalkomma (1,5): de läses som decimaltal, så som svensk Excel menar dem`,
    }),
    'other-waves': (f) => ({
      message: `bara bladet ${f.sheet} lästes; ${f.others.length === 1 ? 'bladet' : 'bladen'} ${f.others.join(', ')}, som heter som ${f.others.length === 1 ? 'en annan mätning, läses' : 'andra mätningar, läses'} inte`,
      hint: 'Spara varje blad som en egen fil (med året i namnet) för att redovisa alla mätningar, eller läs ett annat med --sheet',
    }),
    'trailing-empty-columns': (f) => ({
      message: `rubrikraden slutar med ${f.columns} ${f.columns === 1 ? 'tom kolumn' : 'tomma kolumner'} (som Excel skriver dem): de hoppas över`,
    }),
    'config-table': (f) => ({
      message: `tabellen som inställningsfilen anger som ${f.field}: läses inte som enkätdata`,
    }),
    'sum-rows': (f) => ({
      message: `${f.count === 1 ? 'en summarad' : `${f.count} summarader`} ("Totalt", "Summa") i befolkningstabellen: ${f.count === 1 ? 'den hoppas' : 'de hoppas'} över, antalen är gruppernas`,
    }),
    'notes-below-table': (f) => ({
      message: `${f.count === 1 ? 'raden' : `de ${f.count} raderna`} under tabellen är ${f.count === 1 ? 'en anmärkning' : 'anmärkningar'} (som "Källa: …"), inte ${f.count === 1 ? 'en rad' : 'rader'} med siffror: ${f.count === 1 ? 'den hoppas' : 'de hoppas'} över`,
    }),
    'duplicate-header': (f) => ({
      message: `rubrikraden har ${f.columns.length} kolumner som heter "${f.name}" (kolumn ${f.columns.join(', ')})`,
      hint: 'Inställningarna använder inte namnet, så det gör ingen skada; byt namn på en av dem om du behöver den',
    }),
    'duplicate-id': (f) => ({
      message: `samma löpnummer (${f.column}) finns på mer än en rad i samma kommun och år`,
      hint: 'Varje rad ska vara en svarande: ta bort dubblerade rader (en fil som angetts två gånger, rader som exporterats två gånger) eller rätta löpnumren. Bara radnummer visas, aldrig löpnummer',
    }),
    'no-yes-answers': (f) => ({
      message: `ingen svarande svarade ja på ${f.indicator} (ja är ${quoteAll(f.yes)}; giltiga svar: ${f.answered})`,
      hint: `Kontrollera att ja-svaren ${inConfig(f.config)} är stavade som i filen`,
    }),
    'no-answers': (f) => ({
      message: f.inPopulation === 0 ? `ingen svarande ingår i populationen för ${f.indicator}` : `${f.indicator} har inga giltiga svar (saknas: ${f.inPopulation} av ${f.inPopulation})`,
      hint: `Kontrollera indikatorns kolumn, population och saknade svar ${inConfig(f.config)}`,
    }),
    'answers-look-like': (f) => ({
      message: `svaren för ${f.indicator} i ${f.column} (${quoteAll(f.values)}) ser ut som ${{ gender: 'kön', grade: 'årskurser', year: 'årtal' }[f.kind]}, inte som svar på frågan`,
      hint: 'Kontrollera att indikatorns kolumn är rätt, och att svarsskalan är gjord för den kolumnen',
    }),
    'population-everyone': (f) => ({
      message: `populationen för ${f.indicator} omfattar alla svarande${f.column === null ? '' : ` (${f.column})`}: filtret gör ingenting`,
      hint: 'Ange bara de svar som gör att eleven ingår (t.ex. de som har eller har haft en partner), eller ta bort filtret',
    }),
    'other-options': (f) => ({
      message: `${formatList(f.indicators, 'sv')}: i "${f.column}" är något ikryssat som inte är ett av svarsskalans alternativ; det räknas ${f.counts === 'no' ? 'som ett annat alternativ, alltså nej' : 'som inget svar där inget av alternativen är ikryssat'} (other_options: ${f.counts})`,
      hint: 'Så ska elevernas egna ord under "Övrigt" räknas. Är raderna fler än de som skrev egna ord, jämför svarsskalans alternativ med enkätens: ett alternativ som stavas olika i skalan och i filen räknas annars inte. Bara radnummer visas, aldrig vad som skrevs',
    }),
    'implausible-share': (f) => ({
      message: `${percent(f.yes, f.answered)} % av ${f.answered} svarade ja på ${f.indicator}: mer än 90 % är inte rimligt för ${f.chapter}`,
      hint: 'Kontrollera att ja och nej inte är omkastade i svarsskalan (en fråga om trygghet som läses som otrygghet vänder på dem)',
    }),
  },
  result: {
    ok: 'Resultat: data kan redovisas.',
    notReportable: (n) => `Resultat: kan inte redovisas än: rätta problemen märkta FEL${n === '0' ? '' : ` (${countOf(n, 'rad', 'rader')} har hoppats över)`} och kör validate igen.`,
    stopped: 'Resultat: kan inte redovisas: en fil eller inställningsfilen kunde inte läsas (se FEL ovan).',
    statistics: 'Resultat: kan inte redovisas: statistiken går inte att beräkna med de här inställningarna (se FEL ovan).',
    exit: (c) => `(slutkod ${c})`,
  },
};

const initSv: InitTexts = {
  roleName: { area: 'kommun', year: 'år (omgång)', gender: 'kön', grade: 'årskurs', weight: 'vikt', id: 'löpnummer' },
  encoding: validateSv.encoding,
  delimiter: validateSv.delimiter,
  source: validateSv.source,
  read: (file, rows, complete, enc, delim) => `Läste ${complete ? 'alla' : 'de första'} ${rows} raderna i ${file}: ${enc}, ${delim}.`,
  columnsHeading: 'Föreslagna kolumner:',
  none: '(ingen)',
  lang: 'sv',
  indicatorsHeading: 'Standardmallens indikatorer och kolumnerna som passar dem (✓ tagen: säker matchning; ? bara ett förslag: osäker, tas inte med utan dig; – ingen kolumn passar):',
  noColumn: (id) => `${id}: ingen kolumn passar`,
  moreCandidates: (n) => `(${n} förslag till)`,
  nameOnly: (c) => `${c} (bara ett kolumnnamn, ingen frågetext i filen)`,
  nearly: (id, why) => `liknar ${id}, men ${why}`,
  unusedHeading: 'Används inte:',
  freeText: (c) => `Fritext och löpnummer (används aldrig): ${c}`,
  emptyAnswer: '(tom)',
  checkboxNote: (boxes) => `en kryssruta, en av frågans ${boxes}: tom är nej bara där en annan ruta är ikryssad; den som inte kryssat i någon räknas som inget svar`,
  population: (values, question) => `bara elever som svarat ${values} på ${question}`,
  usedBy: (id) => `(används redan av ${id})`,
  answerClass: { yes: 'ja', no: 'nej', missing: 'inget svar', unknown: 'okända' },
  reviewLine: (id, column, suggestion) => (column !== null ? `${id} ← ${column}` : suggestion !== null ? `${id}   (förslag: ${suggestion})` : `${id}   (ingen kolumn)`),
  pickedColumn: (question, summary, answers) => [`  "${question}"`, `  ${summary}`, ...answers.map((a) => `  ${a}`)].join('\n'),
  needYes: `init behöver svar men kan inte fråga (ingen terminal, eller --no-input). Kör i en terminal, eller ange --yes för att ta förslagen ovan (ändra dem med ${roleFlags('och')}).`,
  missingRole: (role, flag) => `hittade ingen kolumn för ${role}: ange den med ${flag} <kolumn>`,
  schoolYears: (column, example, autumn) =>
    `${column} har läsår ("${example}"): ange när enkäten besvarades med --answered-in spring (${example} läses som ${autumn + 1}) eller --answered-in autumn (läses som ${autumn})`,
  missingYear: (file, dated) =>
    dated === null || dated.years.length < 2
      ? `hittade ingen kolumn för år (omgång), och filnamnet ${file} har inget årtal: ange --year <år>, eller kolumnen med --year-column <kolumn>`
      : `hittade ingen kolumn för år (omgång), och filnamnet ${file} har inget årtal; datumen i ${datedSv(dated)} är från ${formatList(dated.years.map(String), 'sv')}, så vilket år enkäten gäller går inte att avgöra: ange --year <år>`,
  missingArea: 'hittade ingen kolumn för kommun: ange --area-name <namn> (alla svar räknas då till den kommunen), eller kolumnen med --area-column <kolumn>',
  yearFor: (fact) =>
    fact.from === 'dates'
      ? `Filen har ingen kolumn för år: enkätåret är ${fact.year} (alla datum i ${datedSv(fact)}${fact.partOf === null ? '' : ` bland de första ${num(fact.partOf)} raderna`} är från ${fact.year}). Stämmer det inte, ange --year <år>.`
      : `Filen har ingen kolumn för år: enkätåret är ${fact.year} (${fact.from === 'flag' ? 'från --year' : fact.from === 'answer' ? 'som du angav' : 'taget ur filnamnet'}).`,
  noCsv: 'ange enkätfilen: lagesbild init <fil.csv>',
  cancelled: 'Avbrutet; ingen fil skrevs.',
  notOverwritten: (p) => `${p} lämnades orörd; välj en annan fil med -o, eller ange --force.`,
  keptText: (p) => `${p} finns redan och lämnades orörd.`,
  wroteTexts: (dir, n) => `Skrev ${n} ${n === 1 ? 'textfil' : 'textfiler'} i ${dir}: skriv kommunens egen text under kommentaren i varje; en oförändrad fil syns inte i rapporten.`,
  wrote: (p) => `Skrev ${p}.`,
  next: 'Nästa steg:',
  warning: (w) => {
    switch (w.code) {
      case 'answers-as-missing':
        return `${w.indicator} (${w.column}): okända svar ${quoteAll(w.answers)} räknas nu som saknade; ändra i inställningsfilen om de betyder ja eller nej`;
      case 'chosen-unsure':
        return `${w.indicator}: du valde "${w.column}" (${w.doubts.map((d) => reasonText(d, 'sv')).join('; ')}); kontrollera att label och statement i inställningsfilen säger det frågan frågar`;
      case 'unsure':
        return `${w.indicator}: "${w.column}" kan passa men inte säkert (${w.doubts.map((d) => reasonText(d, 'sv')).join('; ')}); den står som ett bortkommenterat förslag sist i inställningsfilen`;

      case 'codes-only':
        return `${w.column} liknar ${w.indicator} men har bara sifferkoder (${quoteAll(w.answers)}); den togs inte med: lägg till den för hand med de koder som betyder ja`;
      case 'gender-codes':
        return `${w.column} har koder med okänd betydelse (${quoteAll(w.codes)}); de heter "Kön ${w.codes[0]}" … i inställningsfilen: skriv Flickor, Pojkar …`;
      case 'population-missing':
        return `${w.indicator}: mallen räknar bara en del av eleverna (population), men ingen kolumn för det hittades; indikatorn räknar nu alla som svarat`;
      case 'year-format':
        return `${w.column} har värden som "${w.example}": lagesbild behöver ett årtal med fyra siffror; ändra dem i filen (validate visar var)`;
      case 'weight-not-used':
        return `${w.column} ser ut att vara en viktkolumn av namnet att döma, men ${w.why === 'not-positive' ? 'har vikter som är 0 eller lägre' : 'innehåller värden som inte är tal'}: den används inte, så resultaten blir oviktade; är det vikten, ange den med --weight-column (validate visar då vilka rader som behöver rättas)`;
      case 'preview':
        return `bara de första ${w.rows} raderna lästes; svar som först finns längre ner är inte med (validate läser alla rader)`;
    }
  },
  ask: {
    yes: 'Ja',
    no: 'Nej',
    keys: {
      select: { navigation: '↑↓ flytta • ⏎ välj', pager: '↑↓ flytta (fler nedanför) • ⏎ välj' },
      checkbox: '↑↓ flytta • mellanslag markerar • a alla • i omvänt • ⏎ klar',
    },
    csv: 'Vilken enkätfil (CSV, Excel eller SPSS) ska inställningarna utgå från?',
    year: 'Filen har ingen kolumn för år. Vilket år besvarades enkäten (fyra siffror)?',
    notYear: 'Skriv året med fyra siffror, t.ex. 2023',
    answeredIn: (column, example) => `${column} har läsår ("${example}"). När besvarades enkäten?`,
    term: (term, example, year) => `${term === 'spring' ? 'På vårterminen' : 'På höstterminen'}: ${example} är ${year}`,
    area: 'Filen har ingen kolumn för kommun. Vilken kommun gäller svaren?',
    overwrite: (p) => `${p} finns redan. Vill du ersätta den?`,
    rolesOk: 'Stämmer kolumnerna?',
    role: (r) => `Vilken kolumn anger ${r}?`,
    genderCode: (c, code) => `Vad betyder ${c} = "${code}"?`,
    gender: { girl: 'Flickor', boy: 'Pojkar', other: 'Annat/vill ej ange (visas inte som egen grupp)', missing: 'Inget svar' },
    review: 'Välj en indikator för att ändra kolumn eller svar, eller Klar:',
    done: 'Klar: skriv inställningsfilen',
    pickColumn: (id) => `Vilken kolumn ska ${id} läsas från?`,
    search: 'Sök bland alla kolumner …',
    searchPrompt: 'Skriv en del av frågan',
    noColumn: 'Ingen kolumn: ta inte med indikatorn',
    answersOk: 'Stämmer indelningen av svaren?',
    pickYes: (id) => `Vilka svar räknas som ja för ${id}?`,
    unknownYes: (v, c) => `Svaren ${v} i ${c}: vilka av dem räknas som ja?`,
    unknownMissing: 'Och vilka av de övriga betyder "inget svar"? (resten räknas som nej)',
    definition: 'Kommunens definition av våld (handbokens steg 2). Tryck Enter för mallens förslag (fritt efter WHO):',
    definitionAgreed: 'Har samverkansparterna enats om den här definitionen?',
    county: 'Vilket län eller vilken region jämförs kommunen med?',
    texts: 'Skriva en mapp texts/ med en fil per kapitel för kommunens egna texter (lokal analys, slutsatser)?',
  },
};

export const svTexts: CliTexts = { validate: validateSv, init: initSv, run: runSv };
