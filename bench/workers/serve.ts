// Child process: start from the snapshot, then time every query (see measure-serve.ts).
import { childMain } from "../child.js";
import { measureServe, type ServeInput, type ServeResult } from "../measure-serve.js";

childMain<ServeInput, ServeResult>(measureServe);
