import type { Engine } from "../../core/engine.js";
import type { EngineSource } from "../../core/engine-source.js";
import { asBackstoryError } from "../../core/errors.js";
import type { DocumentMeta, NewsDocument, Paragraph } from "../../core/model.js";
import { sendBackstoryError, sendError, sendJson } from "../respond.js";
import type { Route } from "../router.js";

/** A page of an article as the playground shows it: metadata and numbered body paragraphs. */
export interface DocumentView
  extends Pick<DocumentMeta, "id" | "title" | "published" | "url" | "source" | "authors"> {
  /** The page's paragraphs; a paragraph longer than a page's budget is cut and marked `truncated`. */
  paragraphs: (Pick<Paragraph, "number" | "kind" | "heading" | "text"> & { truncated?: true })[];
  /** How many paragraphs the article has in all. */
  paragraphCount: number;
  /** The number of the first paragraph of the next page, when there is one (`?from=`). */
  next?: number;
}

/** Paragraphs per page unless `?limit=` asks fewer. */
export const PAGE_PARAGRAPHS = 200;
/** Characters of paragraph text per page: a page stays well under a megabyte of JSON. */
export const PAGE_TEXT_CHARS = 256 * 1024;

/** Which page of an article: from a paragraph number, at most `limit` paragraphs. */
export interface DocumentPage {
  from: number;
  limit: number;
}

const byIdCache = new WeakMap<Engine, Map<string, NewsDocument>>();

function documentById(engine: Engine, id: string): NewsDocument | undefined {
  let byId = byIdCache.get(engine);
  if (!byId) {
    byId = new Map(engine.documents.map((d) => [d.id, d]));
    byIdCache.set(engine, byId);
  }
  return byId.get(id);
}

/**
 * A page of a document, without the loader's internals (offsets, sentences,
 * file path): paragraphs from `page.from`, at most `page.limit` of them and at
 * most PAGE_TEXT_CHARS of text (always at least one paragraph, cut if need be).
 */
export function documentView(
  document: NewsDocument,
  page: DocumentPage = { from: 1, limit: PAGE_PARAGRAPHS },
): DocumentView {
  const paragraphs: DocumentView["paragraphs"] = [];
  let budget = PAGE_TEXT_CHARS;
  let at = page.from - 1;
  for (; at < document.paragraphs.length && paragraphs.length < page.limit; at++) {
    const p = document.paragraphs[at] as Paragraph;
    if (p.text.length > budget && paragraphs.length > 0) break;
    const cut = p.text.length > budget;
    paragraphs.push({
      number: p.number,
      kind: p.kind,
      ...(p.heading === undefined ? {} : { heading: p.heading }),
      text: cut ? p.text.slice(0, budget) : p.text,
      ...(cut ? { truncated: true as const } : {}),
    });
    budget -= Math.min(p.text.length, budget);
  }
  const view: DocumentView = {
    id: document.id,
    title: document.title,
    paragraphs,
    paragraphCount: document.paragraphs.length,
  };
  if (at < document.paragraphs.length) view.next = at + 1;
  if (document.published) view.published = document.published;
  if (document.url) view.url = document.url;
  if (document.source) view.source = document.source;
  if (document.authors) view.authors = document.authors;
  return view;
}

/**
 * `GET /api/document/:id?from=1&limit=200` → a page of the article with its
 * paragraphs, to open a citation in context; `next` says where the next page starts.
 */
export function documentRoute(engines: EngineSource): Route {
  return {
    name: "/api/document/:id",
    methods: ["GET"],
    path: "/api/document/:id",
    handler: ({ params, res, url }) => {
      const page = pageOf(url);
      if (!page) {
        sendError(
          res,
          400,
          "bad_request",
          `from must be a paragraph number from 1, and limit a number from 1 to ${PAGE_PARAGRAPHS}.`,
        );
        return;
      }
      let engine: Engine;
      try {
        engine = engines.current();
      } catch (error) {
        sendBackstoryError(res, asBackstoryError(error));
        return;
      }
      const id = params.id ?? "";
      const document = documentById(engine, id);
      if (!document) {
        sendError(res, 404, "not_found", `No article with id “${Array.from(id).slice(0, 80).join("")}”.`);
        return;
      }
      sendJson(res, 200, documentView(document, page));
    },
  };
}

function pageOf(url: URL): DocumentPage | undefined {
  const number = (name: string, fallback: number, max: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === "") return fallback;
    return /^\d{1,7}$/u.test(raw) && Number(raw) >= 1 && Number(raw) <= max ? Number(raw) : undefined;
  };
  const from = number("from", 1, 9_999_999);
  const limit = number("limit", PAGE_PARAGRAPHS, PAGE_PARAGRAPHS);
  return from === undefined || limit === undefined ? undefined : { from, limit };
}
