// Which database URL the app connects with. `npm start` gives the app the reader role's URL
// (docs/database.md, "Roles"); a server started by other means reads DATABASE_READER_URL when
// set, else DATABASE_URL (which `npm start` warns about: that role can write).

export function appDatabaseUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.DATABASE_READER_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}
