import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FailureNotice } from '@/app/_components/failure-notice';
import SpaceError from '@/app/espace/error';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the page shown when a page fails on our side', () => {
  it('says in French what happened and what to do, with a retry button and a way back', () => {
    const html = renderToStaticMarkup(<FailureNotice digest="1234567890" retry={() => {}} home={{ href: '/espace', label: 'Revenir au tableau de bord' }} />);
    expect(text(html)).toContain('Un incident technique empêche d’afficher cette page');
    expect(text(html)).toContain('Ce que vous aviez déjà enregistré n’est pas perdu');
    expect(html).toMatch(/<button type="button"[^>]*>Réessayer<\/button>/);
    expect(html).toContain('href="/espace"');
    expect(text(html)).toContain('Référence de l’incident : 1234567890');
  });

  it('never shows the error itself (its message may quote a statement or a path), only Next’s reference', () => {
    const error = Object.assign(new Error('relation "attestations" does not exist at /srv/app/lib/db.ts:12'), { digest: 'ABC123' });
    const html = renderToStaticMarkup(<SpaceError error={error} reset={() => {}} />);
    expect(html).not.toContain('relation');
    expect(html).not.toContain('/srv/app');
    expect(text(html)).toContain('Référence de l’incident : ABC123');
    expect(text(html)).toContain('Revenir au tableau de bord');
  });

  it('without a reference (an error in the browser), no empty reference line', () => {
    const html = renderToStaticMarkup(<FailureNotice retry={() => {}} home={{ href: '/', label: 'Revenir à l’accueil' }} />);
    expect(html).not.toContain('Référence');
    expect(text(html)).not.toContain('en indiquant la référence');
  });
});
