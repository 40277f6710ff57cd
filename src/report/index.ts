// Public API of the report builder: figures table + config → ReportDocument.
export { buildMunicipalityReport, type MunicipalityReportInput } from './municipality.js';
export { buildCountyReport, type CountyReportInput } from './county.js';
export { unplacedTexts, type OwnTextInput } from './owntexts.js';
export type { Logo } from './document.js';
export type * from './model.js';
