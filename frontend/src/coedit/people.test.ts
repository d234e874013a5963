import { describe, expect, it } from 'vitest';
import { caretLabel, coEditors, listLabel, contrastWithWhite, localUser, readableColor, shapeSymbol, shown } from './people';

describe('who is in the live text', () => {
  it('labels a caret with a shape and the label, so colour is never the only clue', () => {
    expect(caretLabel({ name: 'Nadia Haddad', shape: 'triangle' })).toBe('▲ Nadia Haddad');
    expect(caretLabel({ name: 'Nadia Haddad', label: 'A participant', shape: 'square' })).toBe('■ A participant');
    expect(caretLabel({ label: '◆ Amara', shape: '◆' })).toBe('◆ Amara');
    expect(caretLabel({ name: 'Amara Osei', label: 'AO', shape: '▲' })).toBe('▲ AO');
    expect(listLabel({ name: 'Amara Osei', label: 'AO', shape: '▲' })).toBe('▲ Amara Osei');
    expect(caretLabel(undefined)).toBe('● ?');
    expect(shapeSymbol('hexagon')).toBe('⬢');
    expect(shapeSymbol('no such shape')).toBe('●');
  });

  it('darkens a colour until white text on it reads at 4.5:1 or better', () => {
    for (const color of ['#ffff00', '#30bced', '#fff', '#ecd444', '#1f5fa8']) {
      expect(contrastWithWhite(readableColor(color))).toBeGreaterThanOrEqual(4.5);
    }
    expect(readableColor('#1f5fa8')).toBe('#1f5fa8');
    expect(readableColor('red; background: url(x)')).toBe('#1f5fa8');
  });

  it('gives this tab a readable colour and a shape from its account until the server sets them', () => {
    const me = localUser(7, 'Amara Osei', false);
    expect(me.name).toBe('Amara Osei');
    expect(contrastWithWhite(me.color)).toBeGreaterThanOrEqual(4.5);
    expect(localUser(7, 'x', true).shape).toBe(me.shape);
    expect(localUser(8, 'x', true).shape).not.toBe(me.shape);
    expect(shown(me).name).toMatch(/^\S Amara Osei$/);
  });

  it('lists the others once each, writers before those watching, by name', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Me', shape: 'circle' } }],
      [2, { user: { name: 'Zoë', shape: 'square', color: '#a8321f' } }],
      [3, { user: { name: 'An observer', shape: 'star' }, readOnly: true }],
      [4, { user: { name: 'Zoë', shape: 'square', color: '#a8321f' } }],
      [5, { cursor: null }],
      [6, { user: { name: 'Amara', shape: 'triangle' } }],
    ]);
    expect(coEditors(states, 1).map((u) => u.name)).toEqual(['▲ Amara', '■ Zoë', '★ An observer']);
  });
});
