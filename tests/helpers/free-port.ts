// One implementation for the bench and the tests.
export { freePort } from "../../bench/free-port.js";
