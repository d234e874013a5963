import './style.css';
import { fetchPapers } from './api';
import { API_BASE, REQUEST_TIMEOUT_MS } from './config';
import { PAPERS_PAGE_SIZE } from './papers';
import { describeFailure } from './problem';
import { pickLocale, stringsFor } from './strings';
import { renderFailure, renderLoading, renderPapers, renderShell } from './view';

const app = document.getElementById('app');
if (app !== null) {
  const locale = pickLocale(new URLSearchParams(window.location.search).get('lang'), navigator.languages);
  const strings = stringsFor(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = strings.dir;

  const shell = renderShell(app, locale, strings, API_BASE);
  let current: AbortController | null = null;

  const load = async (): Promise<void> => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    renderLoading(shell, strings);
    const result = await fetchPapers(0, PAPERS_PAGE_SIZE, {
      fetch: (input, init) => window.fetch(input, init),
      base: API_BASE,
      timeoutMs: REQUEST_TIMEOUT_MS,
      signal: controller.signal,
    });
    if (controller.signal.aborted) return;
    if (result.ok) {
      renderPapers(shell, result.value, locale, strings);
    } else {
      renderFailure(shell, describeFailure(result.failure, strings), strings, () => void load());
    }
  };

  void load();
}
