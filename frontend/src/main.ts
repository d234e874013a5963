import './style.css';
import { fetchPapers, requestJson, signIn, type RequestOptions } from './api';
import { API_BASE, REQUEST_TIMEOUT_MS } from './config';
import { PAPERS_PAGE_SIZE } from './papers';
import { describeFailure } from './problem';
import { pickLocale, stringsFor } from './strings';
import { renderFailure, renderLoading, renderPapers, renderShell, renderSignIn, renderSignedIn } from './view';

/** The session lives only as long as the browser tab (sessionStorage), never in a cookie. */
const TOKEN_KEY = 'plenary.token';
const NAME_KEY = 'plenary.name';

const app = document.getElementById('app');
if (app !== null) {
  const locale = pickLocale(new URLSearchParams(window.location.search).get('lang'), navigator.languages);
  const strings = stringsFor(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = strings.dir;

  const shell = renderShell(app, locale, strings, API_BASE);
  let current: AbortController | null = null;
  const options = (signal?: AbortSignal): RequestOptions => ({
    fetch: (input: string, init?: RequestInit) => window.fetch(input, init),
    base: API_BASE,
    timeoutMs: REQUEST_TIMEOUT_MS,
    ...(signal === undefined ? {} : { signal }),
    token: sessionStorage.getItem(TOKEN_KEY),
  });

  const showSignIn = (failure?: Parameters<typeof renderSignIn>[3]): void => {
    renderSignIn(
      shell,
      strings,
      (handle, password) => {
        void signIn(handle, password, options()).then((result) => {
          if (result.ok) {
            sessionStorage.setItem(TOKEN_KEY, result.value.token);
            sessionStorage.setItem(NAME_KEY, result.value.displayName);
            void load();
          } else {
            showSignIn(describeFailure(result.failure, strings));
          }
        });
      },
      failure,
    );
  };

  const signOut = (): void => {
    void requestJson('POST', '/api/auth/sign-out', undefined, () => true, options());
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(NAME_KEY);
    showSignIn();
  };

  const load = async (): Promise<void> => {
    if (sessionStorage.getItem(TOKEN_KEY) === null) {
      showSignIn();
      return;
    }
    current?.abort();
    const controller = new AbortController();
    current = controller;
    renderLoading(shell, strings);
    const result = await fetchPapers(0, PAPERS_PAGE_SIZE, options(controller.signal));
    if (controller.signal.aborted) return;
    if (result.ok) {
      renderPapers(shell, result.value, locale, strings);
      shell.content.prepend(renderSignedIn(strings, sessionStorage.getItem(NAME_KEY) ?? '', signOut));
    } else if (result.failure.kind === 'http' && result.failure.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showSignIn(describeFailure(result.failure, strings));
    } else {
      renderFailure(shell, describeFailure(result.failure, strings), strings, () => void load());
    }
  };

  void load();
}
