// The tidy layout's `scale` column: the power of ten a value is stated in. The importer reads any of
// these spellings; exports write the short one, so a file read back imports unchanged.
export const SCALES: Record<string, number> = {
  '1': 0,
  '1e0': 0,
  '1e3': 3,
  '1000': 3,
  '1e6': 6,
  '1000000': 6,
  '1e9': 9,
  '1000000000': 9,
};

/** The spelling exports write: 1, 1e3, 1e6, 1e9. */
export const scaleLabel = (exp: number) => (exp === 0 ? '1' : `1e${exp}`);
