// Type definitions for the help widget's JS API, `window.HelpWidget`.
// Load the widget with one tag:
//   <script src="https://cdn.example/help-widget/help-widget.js"
//           data-bundle="https://cdn.example/help/" async></script>
// Ctrl/Cmd+K and "/" open the panel; `data-hotkey="mod+j"` changes them,
// `data-hotkey="none"` turns them off.

/** One search result. */
export interface HelpWidgetResult {
  id: string;
  title: string;
  category: string;
  /** A passage around the matched words, as plain text. */
  snippet: string;
  /** Higher is better; only the order is meaningful. */
  score: number;
}

/** Who the publisher is. */
export interface HelpWidgetUser {
  /** The publisher's Site ID, shown in the request helper and sent with feedback. */
  sid?: string | number;
  name?: string;
  email?: string;
}

export type HelpWidgetEvent = "open" | "close" | "search" | "article" | "contact" | "error";

/** The `search` event's detail: sent once the reader pauses typing (800 ms)
 *  or opens a result; never for an empty box, nor twice in a row for one query. */
export interface HelpWidgetSearchEvent {
  /** What was typed, trimmed. */
  query: string;
  /** How many articles match. */
  count: number;
}

/** The `error` event's detail for an article that cannot be shown. */
export interface HelpWidgetArticleError {
  /** `article-not-found`: no such id; `article-signed-in`: only the signed-in bundle has it. */
  code: "article-not-found" | "article-signed-in";
  id: string;
  message: string;
}

export interface HelpWidgetApi {
  readonly version: string;
  open(): void;
  close(): void;
  toggle(): void;
  /** Overrides the route used for suggestions until the next navigation. */
  setContext(route: string): void;
  identify(user: HelpWidgetUser): void;
  /** `en`, `fr`, `de` or `pt-BR`; others fall back to English. */
  setLocale(locale: string): void;
  search(query: string): Promise<HelpWidgetResult[]>;
  /**
   * Opens the panel on an article, or at one of its sections
   * (`"getting-paid#tax-forms"`); an unknown id shows "not found" and emits `error`.
   */
  showArticle(id: string): void;
  /** Listens to an event; returns a function that stops listening. The
   *  detail is the id for `article` (once the article is found), a
   *  `HelpWidgetSearchEvent` for `search`, and for `error` a message
   *  string (the bundle or app could not load) or a `HelpWidgetArticleError`. */
  on(event: "search", listener: (detail: HelpWidgetSearchEvent) => void): () => void;
  on(event: "error", listener: (detail: string | HelpWidgetArticleError) => void): () => void;
  on(event: HelpWidgetEvent, listener: (detail?: string) => void): () => void;
}

declare global {
  interface Window {
    HelpWidget: HelpWidgetApi | { q: unknown[][] };
  }
}
