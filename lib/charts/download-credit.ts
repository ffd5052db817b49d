// The last line of a downloaded chart picture. A module of its own, free of the catalogues' modules:
// the picture is made in the browser, and lib/charts/chart-download.ts would bring every language's
// ChartTexts into its JavaScript. The words come from the client's `Charts.credit`.

/**
 * Where the picture was made and when. The date is the reader's own calendar day (the browser's
 * time zone), not UTC's: a chart saved in Almaty at 01:00 is dated that day.
 */
export function downloadCredit(url: string, date: Date, downloaded: (day: string) => string): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  return `${url} · ${downloaded(day)}`;
}
