import { describe, expect, test } from 'vitest';
import { hrefTo, isRouteHash, parseHash, routeStore, startRouter } from '../../../src/state/router';

describe('reading the location hash', () => {
  test('takes the first segment as the screen and the rest as its parameters', () => {
    expect(parseHash('#/visites/0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b')).toEqual({
      screen: 'visites',
      params: ['0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b'],
      query: {},
      path: '/visites/0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
    });
  });

  test('shows the default screen for an empty hash or "#/"', () => {
    expect(parseHash('').screen).toBe('');
    expect(parseHash('#/').screen).toBe('');
    expect(parseHash('#').path).toBe('/');
  });

  test('reads a query after the path', () => {
    expect(parseHash('#/partage?title=Atelier&text=Notes%20du%20jour')).toMatchObject({
      screen: 'partage',
      query: { title: 'Atelier', text: 'Notes du jour' },
    });
  });

  test('decodes accented segments and ignores doubled slashes', () => {
    expect(parseHash('#//contacts//%C3%89lise%20Roux/').params).toEqual(['Élise Roux']);
    expect(hrefTo('contacts', 'Élise Roux')).toBe('#/contacts/%C3%89lise%20Roux');
  });

  test('keeps a malformed escape as typed rather than failing', () => {
    expect(parseHash('#/visites/%E0%A4%A').params).toEqual(['%E0%A4%A']);
  });

  test('treats other hashes as in-page anchors, not routes', () => {
    expect(isRouteHash('#main')).toBe(false);
    expect(isRouteHash('#/reglages')).toBe(true);
    expect(isRouteHash('')).toBe(true);
  });
});

describe('the route store', () => {
  test('follows hash changes and ignores the skip link anchor', () => {
    location.hash = '#/evenements';
    const stop = startRouter(window);
    expect(routeStore.getState().route.screen).toBe('evenements');

    location.hash = '#main';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(routeStore.getState().route.screen).toBe('evenements');

    location.hash = '#/valise';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(routeStore.getState().route.screen).toBe('valise');
    stop();
  });
});
