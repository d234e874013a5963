/** Endorsements: stance buttons with a statement, and tallies by stakeholder group as bars. */
import { loadFailed, type Ctx } from '../app';
import { append, h, replace } from '../dom';
import { t } from '../strings';
import { percentOf, tallyRows } from '../tally';
import { STANCES, type Endorsements, type PaperEndorsements, type Stance, type Tally } from '../types';
import { button, failureBox, field, showFormFailure } from '../ui';
import { paperNav, sectionTitle } from './paper';

export function stanceLabel(stance: Stance): string {
  return t(`stance.${stance}`);
}

export function groupLabel(group: string | null): string {
  return group === null ? t('group.none') : t(`group.${group}` as 'group.OTHER');
}

/** The tally as a small bar chart: a table (readable by screen readers) with CSS bars. */
export function tallyChart(tally: Tally, caption: string): HTMLElement {
  const rows = tallyRows(tally);
  return h(
    'figure',
    { class: 'tally' },
    h(
      'p',
      { class: 'tally-total' },
      t('tally.summary', {
        total: tally.total,
        endorse: tally.endorse,
        reservations: tally.withReservations,
        object: tally.object,
      }),
    ),
    tally.singleSector ? h('p', { class: 'notice' }, t('tally.singleSector')) : null,
    rows.length === 0
      ? h('p', { class: 'muted' }, t('tally.none'))
      : h(
          'table',
          { class: 'tally-table' },
          h('caption', {}, caption),
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, t('tally.group')), h('th', { scope: 'col' }, t('tally.stances')), h('th', { scope: 'col', class: 'visually-hidden' }, t('tally.bar'))),
          ),
          h(
            'tbody',
            {},
            ...rows.map((r) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, groupLabel(r.group)),
                h('td', {}, t('tally.row', { endorse: r.endorse, reservations: r.withReservations, object: r.object })),
                h(
                  'td',
                  { 'aria-hidden': 'true', class: 'bar-cell' },
                  h(
                    'span',
                    { class: 'bar' },
                    h('span', { class: 'seg seg-endorse', style: `width:${r.widths[0]}%` }),
                    h('span', { class: 'seg seg-reservations', style: `width:${r.widths[1]}%` }),
                    h('span', { class: 'seg seg-object', style: `width:${r.widths[2]}%` }),
                  ),
                ),
              ),
            ),
          ),
        ),
    h(
      'figcaption',
      { class: 'legend' },
      h('span', { class: 'key seg-endorse' }), ` ${t('stance.ENDORSE')} (${percentOf(tally.endorse, tally.total)} %) `,
      h('span', { class: 'key seg-reservations' }), ` ${t('stance.ENDORSE_WITH_RESERVATIONS')} `,
      h('span', { class: 'key seg-object' }), ` ${t('stance.OBJECT')}`,
    ),
  );
}

/** Stance buttons (a radio-like group of toggle buttons) with the statement reservations need. */
function stanceForm(ctx: Ctx, path: string, current: Endorsements, changed: (e: Endorsements) => void): HTMLElement {
  const statement = field({
    name: 'statement',
    label: t('endorse.statement'),
    multiline: true,
    rows: 3,
    dir: 'auto',
    value: current.mine?.statement ?? '',
    hint: t('endorse.statementHint'),
  });
  const alertBox = h('div', { class: 'form-alert' });
  const take = async (stance: Stance): Promise<void> => {
    const answer = await ctx.api.put<Endorsements>(path, { stance, statement: statement.input.value || null });
    if (!answer.ok) {
      showFormFailure(alertBox, [statement], answer.failure);
      return;
    }
    ctx.announce(t('endorse.taken', { stance: stanceLabel(stance) }));
    changed(answer.value);
  };
  const withdraw = async (): Promise<void> => {
    const answer = await ctx.api.del<Endorsements>(path);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    ctx.announce(t('endorse.withdrawn'));
    changed(answer.value);
  };
  return h(
    'div',
    { class: 'stance-form' },
    alertBox,
    statement.wrap,
    h(
      'div',
      { role: 'group', 'aria-label': t('endorse.stance'), class: 'stances' },
      ...STANCES.map((s) =>
        button(stanceLabel(s), () => void take(s), {
          'aria-pressed': String(current.mine?.stance === s),
          class: `stance stance-${s.toLowerCase()}`,
        }),
      ),
    ),
    current.mine !== null
      ? h('p', {}, t('endorse.yours', { stance: stanceLabel(current.mine.stance) }), ' ', button(t('endorse.withdraw'), () => void withdraw(), { class: 'small' }))
      : h('p', { class: 'muted' }, t('endorse.noneYet')),
  );
}

export function endorsementPanel(ctx: Ctx, paperId: number, sectionId: number): HTMLElement {
  const body = h('div', {}, h('p', {}, t('common.loading')));
  const path = `/api/papers/${paperId}/sections/${sectionId}/endorsement`;
  const render = (e: Endorsements): void => {
    replace(body, stanceForm(ctx, path, e, render), tallyChart(e.tally, t('tally.caption', { what: e.heading ?? '' })), stancesList(e));
  };
  void ctx.api.get<Endorsements>(`/api/papers/${paperId}/sections/${sectionId}/endorsements`).then((a) => {
    if (a.ok) render(a.value);
    else replace(body, failureBox(a.failure));
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'endorse-h', 'data-panel': 'endorsements' }, h('h2', { id: 'endorse-h' }, t('endorse.title')), body);
}

function stancesList(e: Endorsements): HTMLElement | null {
  const withText = e.stances.filter((s) => s.statement !== null && s.statement !== '');
  if (withText.length === 0) return null;
  return h(
    'details',
    {},
    h('summary', {}, t('endorse.statements', { n: withText.length })),
    h(
      'ul',
      { class: 'plain' },
      ...withText.map((s) =>
        h('li', {}, h('strong', { dir: 'auto' }, s.endorser.displayName), ` — ${stanceLabel(s.stance)}: `, h('span', { dir: 'auto' }, s.statement ?? '')),
      ),
    ),
  );
}

export async function showEndorsements(ctx: Ctx, paperId: number): Promise<void> {
  const root = ctx.mount('endorsements', t('endorse.pageTitle'));
  append(root, paperNav(paperId, 'endorsements'));
  const answer = await ctx.api.get<PaperEndorsements>(`/api/papers/${paperId}/endorsements`);
  if (!answer.ok) {
    loadFailed(ctx, root, answer.failure);
    return;
  }
  const paperBox = h('div');
  const renderPaper = (e: Endorsements): void => {
    paperBox.replaceChildren(stanceForm(ctx, `/api/papers/${paperId}/endorsement`, e, renderPaper), tallyChart(e.tally, t('tally.paperCaption')));
  };
  renderPaper(answer.value.paper);
  append(root, 
    h('section', { class: 'panel', 'aria-labelledby': 'paper-endorse-h' }, h('h2', { id: 'paper-endorse-h' }, t('endorse.paper')), paperBox),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'proposals-h' },
      h('h2', { id: 'proposals-h' }, t('endorse.proposals')),
      answer.value.proposals.length === 0
        ? h('p', { class: 'empty' }, t('endorse.noProposals'))
        : h(
            'ul',
            { class: 'plain' },
            ...answer.value.proposals.map((p) =>
              h(
                'li',
                { class: 'proposal' },
                h('h3', { dir: 'auto' }, h('a', { href: `#/papers/${paperId}/sections/${p.sectionId}` }, sectionTitle(p))),
                p.mine !== null ? h('p', {}, t('endorse.yours', { stance: stanceLabel(p.mine.stance) })) : h('p', { class: 'muted' }, t('endorse.noneYet')),
                tallyChart(p.tally, t('tally.caption', { what: sectionTitle(p) })),
              ),
            ),
          ),
    ),
  );
}
