// Files in the formats the importer reads, written by the tests themselves: an IMF DOTS workbook
// for any reporter (laid out like DOTS_103.xlsx), SDMX-CSV as the IMF and Eurostat portals write
// it, and UN Comtrade+ downloads in UTF-8 or Latin-1.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export type DotsCell = number | string | null;
export interface DotsSheet {
  /** e.g. "Exports, FOB to Partner Countries". */
  title: string;
  /** One row per partner: IMF name, then one cell per year. */
  partners: [string, ...DotsCell[]][];
  /** Aggregates after the "Memorandum Items" row. */
  memorandum?: [string, ...DotsCell[]][];
}

export interface DotsWorkbook {
  reporter: string;
  unit?: string;
  years: (number | string)[];
  sheets: Record<string, DotsSheet>;
}

/**
 * Writes a workbook the way the IMF lays out DOTS_103.xlsx: title (merged across), reporter and
 * unit in B2, B4, B5; years across row 7 as text from column C; the first partner repeated above
 * "World" (row 8); partners; "Memorandum Items"; aggregates.
 */
export async function writeDotsWorkbook(file: string, spec: DotsWorkbook): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, sheet] of Object.entries(spec.sheets)) {
    const ws = workbook.addWorksheet(name);
    ws.getCell('B2').value = sheet.title;
    ws.mergeCells(2, 2, 3, 2 + spec.years.length);
    ws.getCell('B4').value = spec.reporter;
    ws.getCell('B5').value = spec.unit ?? 'US Dollars, Millions';
    spec.years.forEach((y, i) => {
      ws.getCell(7, 3 + i).value = String(y);
    });
    const rows = [...sheet.partners];
    const world = rows.findIndex(([n]) => n === 'World');
    const first = rows.find(([n]) => n !== 'World');
    if (first && world !== -1) rows.unshift(first);
    let r = 8;
    const put = ([label, ...cells]: [string, ...DotsCell[]]) => {
      ws.getCell(r, 2).value = label;
      cells.forEach((v, i) => {
        if (v !== null) ws.getCell(r, 3 + i).value = v;
      });
      r += 1;
    };
    rows.forEach(put);
    if (sheet.memorandum) {
      ws.getCell(r, 2).value = 'Memorandum Items';
      r += 1;
      sheet.memorandum.forEach(put);
    }
  }
  await workbook.xlsx.writeFile(file);
}

/** A small workbook for Uzbekistan as reporter: 2018-2020, with estimates, a memo block and a gap. */
export const UZBEKISTAN_DOTS: DotsWorkbook = {
  reporter: 'Uzbekistan, Rep. of',
  years: [2018, 2019, 2020],
  sheets: {
    'Exports, FOB': {
      title: 'Exports, FOB to Partner Countries',
      partners: [
        ['World', 10_920.38, 14_020.5, 13_128.4],
        ['Kazakhstan, Rep. of', 1_015.6, '1234.5', 1_000.25],
        ['China, P.R.: Mainland', 1_600.123456789, 2_450.7, '1849.90 e'],
        ['Russian Federation', 1_730.1, 1_898.2, null],
      ],
      memorandum: [['European Union', 389.9, 421.3, 377.0]],
    },
    'Imports, CIF': {
      title: 'Imports, CIF from Partner Countries',
      partners: [
        ['World', 19_416.2, 24_317.7, 21_302.5],
        ['Kazakhstan, Rep. of', 1_226.3, 1_485.9, 1_272.8],
        ['China, P.R.: Mainland', 3_984.6, 5_058.2, '4561.00 e'],
        ['Korea, Rep. of', 2_118.5, 2_371.8, 1_843.2],
      ],
      memorandum: [['European Union', 2_431.4, 2_897.2, 2_669.9]],
    },
  },
};

export interface SdmxObservation {
  reporter: string;
  partner: string;
  indicator: string;
  period: string;
  value: string;
  status?: string;
}

/** SDMX-CSV 2.0 as the IMF data portal writes it (IMF.STA:IMTS), optionally with labels ("ID: label"). */
export function imfSdmx20(rows: SdmxObservation[], options: { labels?: boolean; delimiter?: string } = {}): string {
  const d = options.delimiter ?? ',';
  const label = (id: string, text: string) => (options.labels ? `${id}: ${text}` : id);
  const header = [
    'STRUCTURE',
    'STRUCTURE_ID',
    'ACTION',
    label('COUNTRY', 'Country'),
    label('INDICATOR', 'Indicator'),
    label('COUNTERPART_COUNTRY', 'Counterpart country'),
    label('FREQUENCY', 'Frequency'),
    'TIME_PERIOD',
    'OBS_VALUE',
    'UNIT_MULT',
    'OBS_STATUS',
  ];
  const lines = rows.map((r) =>
    [
      'dataflow',
      'IMF.STA:IMTS(1.0.0)',
      'I',
      r.reporter,
      r.indicator,
      r.partner,
      r.period.length === 4 ? 'A' : 'M',
      r.period,
      r.value,
      '6',
      r.status ?? '',
    ].join(d),
  );
  return `${[header.join(d), ...lines].join('\n')}\n`;
}

/** SDMX-CSV 1.0 as IMF downloads were written before SDMX 3 (DATAFLOW first). */
export function imfSdmx10(rows: SdmxObservation[]): string {
  const lines = rows.map((r) =>
    ['IMF.STA:IMTS(1.0.0)', r.reporter, r.indicator, r.partner, 'A', r.period, r.value].join(','),
  );
  return `${['DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE', ...lines].join('\r\n')}\r\n`;
}

export interface ComextObservation {
  reporter: string;
  partner: string;
  /** 1 import, 2 export. */
  flow: '1' | '2';
  period: string;
  value: string;
  indicator?: string;
  product?: string;
  flag?: string;
}

/** SDMX-CSV 1.0 from Eurostat's Comext dissemination API (DS-045409), with LAST UPDATE. */
export function eurostatComext10(rows: ComextObservation[], lastUpdate = '15/04/25 23:00:00'): string {
  const lines = rows.map((r) =>
    [
      'ESTAT:DS-045409(1.0)',
      lastUpdate,
      r.period.length === 4 ? 'A' : 'M',
      r.reporter,
      r.partner,
      r.product ?? 'TOTAL',
      r.flow,
      r.indicator ?? 'VALUE_IN_EUROS',
      r.period,
      r.value,
      r.flag ?? '',
    ].join(','),
  );
  return `${['DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE,OBS_FLAG', ...lines].join('\n')}\n`;
}

/** SDMX-CSV 2.0 from Eurostat with labels=both ("KZ: Kazakhstan") and the ext_st indicators. */
export function eurostatExtSt20(
  rows: { geo: string; partner: string; indicator: string; period: string; value: string }[],
): string {
  const lines = rows.map((r) =>
    [
      'dataflow',
      'ESTAT:EXT_ST_EU27_2020SITC(1.0)',
      '',
      'A: Annual',
      `${r.indicator}: Indicator`,
      'TOTAL: Total - all products',
      `${r.partner}: Partner`,
      `${r.geo}: Reporter`,
      r.period,
      r.value,
      '',
    ]
      .map((c) => (c.includes(',') ? `"${c}"` : c))
      .join(','),
  );
  const header =
    'STRUCTURE,STRUCTURE_ID,ACTION,freq: Time frequency,indic_et: Indicator,sitc06: Product,' +
    'partner: Partner,geo: Geopolitical entity (reporting),TIME_PERIOD: Time,OBS_VALUE: Observation value,OBS_FLAG: Observation status';
  return `${[header, ...lines].join('\n')}\n`;
}

export const COMTRADE_COLUMNS = [
  'typeCode',
  'freqCode',
  'refPeriodId',
  'refYear',
  'refMonth',
  'period',
  'reporterCode',
  'reporterISO',
  'reporterDesc',
  'flowCode',
  'flowDesc',
  'partnerCode',
  'partnerISO',
  'partnerDesc',
  'partner2Code',
  'partner2ISO',
  'partner2Desc',
  'classificationCode',
  'classificationSearchCode',
  'isOriginalClassification',
  'cmdCode',
  'cmdDesc',
  'aggrLevel',
  'isLeaf',
  'customsCode',
  'customsDesc',
  'mosCode',
  'motCode',
  'motDesc',
  'qtyUnitCode',
  'qtyUnitAbbr',
  'qty',
  'isQtyEstimated',
  'altQtyUnitCode',
  'altQtyUnitAbbr',
  'altQty',
  'isAltQtyEstimated',
  'netWgt',
  'isNetWgtEstimated',
  'grossWgt',
  'isGrossWgtEstimated',
  'cifvalue',
  'fobvalue',
  'primaryValue',
  'legacyEstimationFlag',
  'isReported',
  'isAggregate',
] as const;

export interface ComtradeRow {
  reporter: [code: string, iso: string, desc: string];
  partner: [code: string, iso: string, desc: string];
  flow: 'X' | 'M' | 'RX' | 'RM';
  year: number;
  month?: number;
  value: string;
  cmdCode?: string;
}

const FLOW_DESC: Record<ComtradeRow['flow'], string> = { X: 'Export', M: 'Import', RX: 'Re-export', RM: 'Re-import' };

/** A Comtrade+ "Get data" CSV download. */
export function comtradeCsv(rows: ComtradeRow[]): string {
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = rows.map((r) => {
    const monthly = r.month !== undefined;
    const mm = String(r.month ?? 1).padStart(2, '0');
    const cells: Record<(typeof COMTRADE_COLUMNS)[number], string> = {
      typeCode: 'C',
      freqCode: monthly ? 'M' : 'A',
      refPeriodId: `${r.year}${mm}01`,
      refYear: String(r.year),
      refMonth: monthly ? String(r.month) : '52',
      period: monthly ? `${r.year}${mm}` : String(r.year),
      reporterCode: r.reporter[0],
      reporterISO: r.reporter[1],
      reporterDesc: r.reporter[2],
      flowCode: r.flow,
      flowDesc: FLOW_DESC[r.flow],
      partnerCode: r.partner[0],
      partnerISO: r.partner[1],
      partnerDesc: r.partner[2],
      partner2Code: '0',
      partner2ISO: 'W00',
      partner2Desc: 'World',
      classificationCode: 'H6',
      classificationSearchCode: 'HS',
      isOriginalClassification: 'True',
      cmdCode: r.cmdCode ?? 'TOTAL',
      cmdDesc: 'All Commodities',
      aggrLevel: '0',
      isLeaf: 'False',
      customsCode: 'C00',
      customsDesc: 'TOTAL CPC',
      mosCode: '0',
      motCode: '0',
      motDesc: 'TOTAL MOT',
      qtyUnitCode: '-1',
      qtyUnitAbbr: 'N/A',
      qty: '0',
      isQtyEstimated: 'False',
      altQtyUnitCode: '-1',
      altQtyUnitAbbr: 'N/A',
      altQty: '0',
      isAltQtyEstimated: 'False',
      netWgt: '0',
      isNetWgtEstimated: 'False',
      grossWgt: '0',
      isGrossWgtEstimated: 'False',
      cifvalue: r.flow === 'M' ? r.value : '',
      fobvalue: r.flow === 'X' ? r.value : '',
      primaryValue: r.value,
      legacyEstimationFlag: '0',
      isReported: 'True',
      isAggregate: 'False',
    };
    return COMTRADE_COLUMNS.map((c) => quote(cells[c])).join(',');
  });
  return `${[COMTRADE_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Writes text in UTF-8 (Comtrade's own files) or Latin-1 (what Excel on Windows saves again). */
export function writeText(file: string, text: string, encoding: 'utf-8' | 'latin1' = 'utf-8'): string {
  writeFileSync(file, Buffer.from(text, encoding === 'utf-8' ? 'utf8' : 'latin1'));
  return file;
}
