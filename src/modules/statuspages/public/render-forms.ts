import { esc } from './html.ts';
import { layout } from './render-page.ts';
import type { PageView } from './view.ts';

export type UnlockProblem = 'wrong' | 'throttled' | null;

const PROBLEMS = { wrong: 'That password is not right. Try again.', throttled: 'Too many attempts. Wait a few minutes and try again.' } as const;

/** Asks for a protected page's password; posts back to the page itself, no JavaScript involved. */
export function renderUnlock(page: PageView['page'], action: string, problem: UnlockProblem): string {
  const error = problem ? `<p class=error role=alert id=pw-error>${PROBLEMS[problem]}</p>` : '';
  const main =
    `<h2 style="margin-top:2rem">This status page is protected</h2><p>Enter the password you were given to see ${esc(page.title)}.</p>` +
    `<form class=unlock method=post action="${esc(action)}">${error}<label for=pw>Password</label>` +
    `<input id=pw name=password type=password autocomplete=current-password required${problem ? ' aria-invalid=true aria-describedby=pw-error' : ''}>` +
    '<button type=submit>View status</button></form>';
  return layout(page, { title: `${page.title} (password required)`, main });
}

const PLAIN = { title: 'Status page not found', logoUrl: null, brandColor: '#1f2937', accentColor: '#0969da' };

const NOT_FOUND = layout(PLAIN, { title: PLAIN.title, main: '<p style="margin-top:2rem">There is no published status page at this address.</p>' });

export function renderNotFound(): string {
  return NOT_FOUND;
}
