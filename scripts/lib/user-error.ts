/** An expected failure whose message is meant for the person at the terminal, without a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Runs a script's main function: expected failures print their message, others their stack. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UserError) {
      console.error(`\n✖ ${error.message}\n`);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}
