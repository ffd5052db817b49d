// The limits every download runs under; stated in docs/exports.md and in the answers that
// refuse a download. Plain constants, importable without the rest of the export machinery.

/**
 * Downloads that may run at once; the next one gets a 429. Each holds a database connection of its
 * own (lib/sql.ts) and some CPU (XLSX compresses), so slow clients can hold at most this much.
 */
export const MAX_CONCURRENT_EXPORTS = 4;

/**
 * A download whose client takes nothing for this long is ended and its connection freed: a client
 * that stopped reading must not hold a download slot until the statement timeout.
 */
export const EXPORT_STALL_TIMEOUT_MS = 60_000;

/**
 * An XLSX file holds at most one Excel sheet of data (1,048,576 rows with the header); a larger
 * view is refused with 413 and a pointer to CSV, which has no limit. Compressing a million rows
 * costs minutes of CPU, which one visitor should not be able to ask for many times over.
 */
export const MAX_XLSX_ROWS = 1_048_575;
