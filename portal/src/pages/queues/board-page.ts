import { announce } from '../../a11y/announcer';
import { getBoard, type BoardView } from '../../api/queues';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import { onLiveEvent, watchLive } from '../../live/live-events';
import type { CityPageContext, PageModule } from '../page';
import { whenRemoved } from '../page-lifetime';
import { nameInText, numberInText, statusLabel, ticketNumber } from './queue-rendering';

type BoardCounter = BoardView['counters'][number];

/** One counter's called numbers as a table; the caption names the counter and says whether it is open. */
function counterTable(counter: BoardCounter, context: CityPageContext): HTMLElement {
  const { t } = context;
  const captionId = `board-caption-${counter.id}`;
  return h(
    'section',
    { class: 'board-counter', id: `board-${counter.id}`, 'data-state': counter.state },
    h(
      'table',
      { class: 'table board-table', id: `board-table-${counter.id}` },
      h(
        'caption',
        { id: captionId },
        t('queues:board.caption', { counter: nameInText(counter.name, context), state: t(`queues:counterState.${counter.state}`) }),
      ),
      h(
        'thead',
        null,
        h('tr', null, h('th', { scope: 'col' }, t('queues:board.number')), h('th', { scope: 'col' }, t('queues:board.status'))),
      ),
      h(
        'tbody',
        null,
        ...(counter.nowServing.length > 0
          ? counter.nowServing.map((serving) =>
              h(
                'tr',
                { 'data-number': serving.number, 'data-status': serving.status },
                h('th', { scope: 'row' }, ticketNumber(serving.number)),
                h('td', null, statusLabel(serving.status, context)),
              ),
            )
          : [h('tr', null, h('td', { colspan: 2, class: 'board-table__none' }, t('queues:board.none')))]),
      ),
    ),
  );
}

/** Numbers newly called since the last board, with their counter, to be said aloud. */
function newlyCalled(before: BoardView, after: BoardView): { number: string; counter: BoardCounter }[] {
  const seen = new Set(before.counters.flatMap((counter) => counter.nowServing.filter((s) => s.status === 'called').map((s) => s.number)));
  return after.counters.flatMap((counter) =>
    counter.nowServing
      .filter((serving) => serving.status === 'called' && !seen.has(serving.number))
      .map(({ number }) => ({ number, counter })),
  );
}

/**
 * The hall's "now serving" board: the numbers called at each counter, kept current live. It is also what a screen
 * in the hall shows, so the numbers are large; new calls are announced politely, and nothing takes focus.
 */
function render(context: CityPageContext): HTMLElement {
  const { t, language, city } = context;
  const hallId = city.cityHall.id;
  const tables = h('div', { class: 'board', id: 'board' });
  const page = h(
    'div',
    { class: 'page page--board' },
    h('h1', null, t('queues:board.heading')),
    h('p', { class: 'lead' }, t('queues:board.intro', { hall: nameInText(city.cityHall.name, context) })),
    tables,
    h('p', null, h('a', { href: '/queues', class: 'link-arrow', id: 'board-take-link' }, t('queues:board.take'))),
  );
  let shown: BoardView | null = null;

  const show = (board: BoardView) => {
    if (shown) {
      for (const { number, counter } of newlyCalled(shown, board)) {
        announce(t('queues:board.live.called', { number: numberInText(number), counter: nameInText(counter.name, context) }));
      }
    }
    shown = board;
    tables.replaceChildren(...board.counters.map((counter) => counterTable(counter, context)));
  };

  const load = async () => {
    tables.setAttribute('aria-busy', 'true');
    tables.replaceChildren(h('p', { class: 'loading' }, t('queues:board.loading')));
    try {
      show(await getBoard(hallId, { language }));
    } catch (error: unknown) {
      const [problem] = problemsOfError(error, {});
      const retry = h('button', { type: 'button', class: 'button button--secondary', id: 'board-retry' }, t('queues:board.retry'));
      retry.addEventListener('click', () => void load());
      tables.replaceChildren(
        h(
          'div',
          { class: 'alert', id: 'board-load-error', role: 'alert' },
          h('p', null, t('queues:board.loadFailed')),
          problem && 'message' in problem ? h('p', { class: 'alert__detail' }, problem.message) : null,
        ),
        h('p', null, retry),
      );
    } finally {
      tables.removeAttribute('aria-busy');
    }
  };

  const forget = watchLive('board', hallId);
  const stop = onLiveEvent('board.changed', (board) => {
    if (board.hallId === hallId) show(board);
  });
  whenRemoved(page, () => {
    stop();
    forget();
  });
  void load();
  return page;
}

export const boardPage: PageModule = { requiresCity: true, render };
