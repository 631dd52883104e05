// `npm start`: every transport whose credentials are present, on one process and one port.
import { runRole } from "./run-role.js";

await runRole("all");
