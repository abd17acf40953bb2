import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import { type PickerOption, SearchPicker } from '../../../../src/ui/components/SearchPicker';

const lieux: PickerOption[] = [
  { id: 'a', label: 'Équipe du Moulin', detail: 'Redon' },
  { id: 'b', label: 'La Forge', detail: 'Saint-Malo' },
  { id: 'c', label: 'Mairie de Vitré' },
];

function Harness(props: { multiple?: boolean; suggested?: string[]; onCreate?: (text: string) => void }) {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <>
      <SearchPicker label="Lieu" options={lieux} selected={selected} onChange={setSelected} {...props} />
      <output data-testid="selected">{selected.join(',')}</output>
    </>
  );
}

const search = () => screen.getByRole('searchbox', { name: 'Chercher\u00a0: Lieu' });
const picked = () => screen.getByTestId('selected').textContent;

describe('the search picker', () => {
  test('filters as one types, accents ignored, and picks with one tap', () => {
    render(<Harness />);
    fireEvent.input(search(), { target: { value: 'equipe' } });
    expect(screen.queryByRole('button', { name: /La Forge/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Équipe du Moulin/ }));
    expect(picked()).toBe('a');
    // One lieu: the search box gives way to the choice and a way to change it.
    expect(screen.queryByRole('searchbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Changer (Équipe du Moulin)' }));
    expect(picked()).toBe('');
    // The button went with the choice: the focus is in the search box, not at the page's start.
    expect(document.activeElement).toBe(search());
  });

  test('offers the suggested ones first while nothing is typed', () => {
    render(<Harness suggested={['c']} />);
    const options = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(options).toEqual(['Mairie de Vitré']);
  });

  test('keeps several picks and hides the ones already picked', () => {
    render(<Harness multiple />);
    fireEvent.click(screen.getByRole('button', { name: /La Forge/ }));
    fireEvent.click(screen.getByRole('button', { name: /Mairie de Vitré/ }));
    expect(picked()).toBe('b,c');
    expect(screen.queryByRole('button', { name: /^La Forge/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retirer La Forge' }));
    expect(picked()).toBe('c');
    expect(document.activeElement).toBe(search());
  });

  test('a pick moves the focus on, not to the page’s start: to the search box, or to « Changer »', () => {
    // Keyboard only (Firefox ESR): Enter on an option, and the focus fell to the body with it.
    const people = render(<Harness multiple />);
    const forge = screen.getByRole('button', { name: /La Forge/ });
    forge.focus();
    fireEvent.click(forge);
    expect(document.activeElement).toBe(search());
    people.unmount();

    render(<Harness />);
    fireEvent.input(search(), { target: { value: 'vitre' } });
    fireEvent.click(screen.getByRole('button', { name: /Mairie de Vitré/ }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Changer (Mairie de Vitré)' }));
  });

  test('a pick the parent refused does not move the focus at a later, unrelated change', () => {
    const picker = (selected: string[]) => (
      <>
        <SearchPicker label="Lieu" options={lieux} selected={selected} onChange={() => {}} multiple />
        <button type="button">Ailleurs</button>
      </>
    );
    const view = render(picker([]));
    fireEvent.input(search(), { target: { value: 'forge' } });
    fireEvent.click(screen.getByRole('button', { name: /La Forge/ }));
    const elsewhere = screen.getByRole('button', { name: 'Ailleurs' });
    elsewhere.focus();
    // A live re-read brings another pick: the focus stays where the person put it.
    view.rerender(picker(['c']));
    expect(document.activeElement).toBe(elsewhere);
  });

  test('offers to create what was typed when nothing has that name, and Enter does it', () => {
    const onCreate = vi.fn();
    render(<Harness onCreate={onCreate} />);
    fireEvent.input(search(), { target: { value: 'la forge' } });
    expect(screen.queryByRole('button', { name: /Créer/ })).toBeNull();

    fireEvent.input(search(), { target: { value: 'Le Tiers-Lieu du Port ' } });
    expect(screen.getByRole('button', { name: 'Créer «\u00a0Le Tiers-Lieu du Port\u00a0»' })).toBeTruthy();
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(onCreate).toHaveBeenCalledWith('Le Tiers-Lieu du Port');
  });
});
