import { main } from "./main.js";

// A closed pipe (`backstory export quotes | head`) is a normal way for output to end.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`backstory: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
