export { escapeHtml } from "../../../present/escape-html.js";
