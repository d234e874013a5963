/** Which screen shows a signed-in person's route. */
import type { Ctx } from './app';
import { h } from './dom';
import type { Route } from './router';
import { showDraft, showDrafts } from './screens/drafts';
import { showEndorsements } from './screens/endorse';
import { showHistory } from './screens/history';
import { showNotifications } from './screens/notifications';
import { showPaper } from './screens/paper';
import { showPapers } from './screens/papers';
import { showProfile } from './screens/profile';
import { showPublish } from './screens/publish';
import { showSection } from './screens/section';
import { showSettings } from './screens/settings';
import { showWorkshops } from './screens/workshops';
import { t } from './strings';

export async function showScreen(ctx: Ctx, route: Exclude<Route, { name: 'join' } | { name: 'signin' }>): Promise<void> {
  switch (route.name) {
    case 'papers':
      return showPapers(ctx);
    case 'paper':
      return showPaper(ctx, route.paperId);
    case 'settings':
      return showSettings(ctx, route.paperId);
    case 'section':
      return showSection(ctx, route.paperId, route.sectionId);
    case 'history':
      return showHistory(ctx, route.paperId, route.sectionId);
    case 'drafts':
      return showDrafts(ctx, route.paperId);
    case 'draft':
      return showDraft(ctx, route.paperId, route.draftId);
    case 'endorsements':
      return showEndorsements(ctx, route.paperId);
    case 'workshops':
      return showWorkshops(ctx, route.paperId);
    case 'publish':
      return showPublish(ctx, route.paperId);
    case 'notifications':
      return showNotifications(ctx);
    case 'profile':
      return showProfile(ctx);
    case 'notFound':
      ctx.mount('not-found', t('notFound.title'), h('p', {}, t('notFound.body')), h('a', { href: '#/' }, t('nav.papers')));
      return;
  }
}
