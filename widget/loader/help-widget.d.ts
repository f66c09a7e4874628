// Type definitions for the help widget's JS API, `window.HelpWidget`.
// Load the widget with one tag:
//   <script src="https://cdn.example/help-widget/help-widget.js"
//           data-bundle="https://cdn.example/help/" async></script>

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
  showArticle(id: string): void;
  /** Listens to an event; returns a function that stops listening. The
   *  detail is the query for `search`, the id for `article`, the message
   *  for `error`. */
  on(event: HelpWidgetEvent, listener: (detail?: string) => void): () => void;
}

declare global {
  interface Window {
    HelpWidget: HelpWidgetApi | { q: unknown[][] };
  }
}
