// `npm start`: every transport whose credentials are present, on one process and one port.
import { readConfigOrExit } from "./environment.js";

// The configuration is checked before the rest of the app loads: a mistake is reported at once.
const config = readConfigOrExit();
const { runRole } = await import("./run-role.js");
await runRole("all", config);
