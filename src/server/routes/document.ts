import type { Engine } from "../../core/engine.js";
import type { EngineSource } from "../../core/engine-source.js";
import { asBackstoryError } from "../../core/errors.js";
import type { DocumentMeta, NewsDocument, Paragraph } from "../../core/model.js";
import { sendBackstoryError, sendError, sendJson } from "../respond.js";
import type { Route } from "../router.js";

/** An article as the playground shows it: metadata and numbered body paragraphs. */
export interface DocumentView
  extends Pick<DocumentMeta, "id" | "title" | "published" | "url" | "source" | "authors"> {
  paragraphs: Pick<Paragraph, "number" | "kind" | "heading" | "text">[];
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

/** The view of a document, without the loader's internals (offsets, sentences, file path). */
export function documentView(document: NewsDocument): DocumentView {
  const view: DocumentView = {
    id: document.id,
    title: document.title,
    paragraphs: document.paragraphs.map((p) => ({
      number: p.number,
      kind: p.kind,
      ...(p.heading === undefined ? {} : { heading: p.heading }),
      text: p.text,
    })),
  };
  if (document.published) view.published = document.published;
  if (document.url) view.url = document.url;
  if (document.source) view.source = document.source;
  if (document.authors) view.authors = document.authors;
  return view;
}

/** `GET /api/document/:id` → the article with its paragraphs, to open a citation in context. */
export function documentRoute(engines: EngineSource): Route {
  return {
    name: "/api/document/:id",
    methods: ["GET"],
    path: "/api/document/:id",
    handler: ({ params, res }) => {
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
      sendJson(res, 200, documentView(document));
    },
  };
}
